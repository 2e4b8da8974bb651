package dev.orderpay.adapter.rest.buyer;

import dev.orderpay.application.port.in.confirmation.PaymentConfirmation;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation.Verdict;

/** What the buyer is told after returning from the checkout, in words. */
record ReturnOutcome(String title, String message) {

    static ReturnOutcome of(PaymentConfirmation confirmation) {
        return switch (confirmation.verdict()) {
            case MISMATCH -> new ReturnOutcome("Payment not verified",
                    "The payment could not be verified for this order. The order was not changed.");
            // The provider's notification or reconciliation settles the order; the buyer need not wait here.
            case AWAITING_PROVIDER -> new ReturnOutcome("Confirming your payment",
                    "We are confirming your payment with the payment provider. The order will be updated shortly.");
            case VERIFIED, FAILURE_REPORTED, NOTHING_TO_CONFIRM -> ofStatus(confirmation);
        };
    }

    /** Whatever the return claimed, the order's status is what was actually established. */
    private static ReturnOutcome ofStatus(PaymentConfirmation confirmation) {
        return switch (confirmation.order().status()) {
            case PENDING -> confirmation.verdict() == Verdict.FAILURE_REPORTED
                    ? new ReturnOutcome("Payment not completed", "The payment was not completed.")
                    : new ReturnOutcome("Payment not completed", "The payment has not been completed yet.");
            case ON_HOLD -> new ReturnOutcome("Payment under review",
                    "The payment is being reviewed; the order will be updated when the review is done.");
            case AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED -> new ReturnOutcome("Payment received",
                    "Thank you, the payment was received.");
            case PARTIALLY_REFUNDED -> new ReturnOutcome("Payment partly refunded",
                    "Part of the payment was refunded.");
            case REFUNDED -> new ReturnOutcome("Payment refunded", "The payment was refunded.");
            case DECLINED -> new ReturnOutcome("Payment declined", "The payment was declined.");
            case FAILED -> new ReturnOutcome("Payment failed", "The payment failed.");
            case CANCELLED -> new ReturnOutcome("Payment cancelled", "The payment was cancelled.");
            case EXPIRED -> new ReturnOutcome("Checkout expired", "The checkout expired before a payment was made.");
        };
    }
}
