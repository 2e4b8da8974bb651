package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.PaymentConfirmation;
import dev.orderpay.application.port.in.PaymentConfirmation.Verdict;

/** What the buyer is told after returning from the checkout, in words. */
record ReturnOutcome(String title, String message) {

    static ReturnOutcome of(PaymentConfirmation confirmation) {
        if (confirmation.verdict() == Verdict.MISMATCH) {
            return new ReturnOutcome("Payment not verified",
                    "The payment could not be verified for this order. The order was not changed.");
        }
        // Whatever the return claimed, the order's status is what was actually established.
        return switch (confirmation.order().status()) {
            case PENDING -> new ReturnOutcome("Payment not completed", "The payment has not been completed yet.");
            case ON_HOLD -> new ReturnOutcome("Payment under review",
                    "The payment is being reviewed; the order will be updated when the review is done.");
            case AUTHORIZED, CAPTURED -> new ReturnOutcome("Payment received", "Thank you, the payment was received.");
            case DECLINED -> new ReturnOutcome("Payment declined", "The payment was declined.");
            case FAILED -> new ReturnOutcome("Payment failed", "The payment failed.");
            case CANCELLED -> new ReturnOutcome("Payment cancelled", "The payment was cancelled.");
        };
    }
}
