package dev.orderpay.domain;

import java.util.Objects;

/**
 * A payment as the provider has confirmed it: its status and how much of it has been captured and refunded.
 */
public record PaymentState(PaymentId paymentId, OrderStatus status, long capturedMinorUnits, long refundedMinorUnits) {

    public PaymentState {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        if (capturedMinorUnits < 0 || refundedMinorUnits < 0) {
            throw new IllegalArgumentException("captured and refunded amounts cannot be negative");
        }
    }
}
