package dev.orderpay.domain;

import java.util.Objects;
import java.util.Optional;

/** The provider's payment linked to an order, and how much of it has been captured and refunded so far. */
public record OrderPayment(Optional<PaymentId> paymentId, long capturedMinorUnits, long refundedMinorUnits) {

    /** No payment yet. */
    public static final OrderPayment NONE = new OrderPayment(Optional.empty(), 0, 0);

    public OrderPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        if (capturedMinorUnits < 0 || refundedMinorUnits < 0 || refundedMinorUnits > capturedMinorUnits) {
            throw new IllegalArgumentException("refunded must lie between 0 and what was captured");
        }
    }
}
