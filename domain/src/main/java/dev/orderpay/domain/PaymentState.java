package dev.orderpay.domain;

import java.util.Objects;

/**
 * A payment as the provider has confirmed it: its status and how much of it has been captured and refunded, in
 * the payment's currency. The amounts are as reported: more refunded than captured, say, is left for the order to
 * cap (see {@link PaymentLedger#follow}).
 */
public record PaymentState(PaymentId paymentId, OrderStatus status, Money captured, Money refunded) {

    /** @throws IllegalArgumentException if captured and refunded are in different currencies */
    public PaymentState {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        captured.sameCurrency(refunded); // one currency, or it throws
    }
}
