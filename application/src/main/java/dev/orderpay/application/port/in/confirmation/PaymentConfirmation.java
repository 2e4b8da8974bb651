package dev.orderpay.application.port.in.confirmation;

import dev.orderpay.domain.Order;

import java.util.Objects;

/** What a buyer's return amounted to, and the order as it stands afterwards. */
public record PaymentConfirmation(Order order, Verdict verdict) {

    public enum Verdict {
        /** The provider confirmed a payment for this order; the order shows its status. */
        VERIFIED,
        /**
         * The return said the checkout ended without payment. Recorded if the provider agrees or cannot be asked;
         * left alone if the provider shows the checkout still open, or the order has moved on.
         */
        FAILURE_REPORTED,
        /** The payment the return pointed at is not this order's (reference, session, amount or currency). */
        MISMATCH,
        /** The provider could not be asked; the order is unchanged until a notification or reconciliation. */
        AWAITING_PROVIDER,
        /** The return carried neither a payment nor an error: nothing to confirm. */
        NOTHING_TO_CONFIRM
    }

    public PaymentConfirmation {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(verdict, "verdict");
    }
}
