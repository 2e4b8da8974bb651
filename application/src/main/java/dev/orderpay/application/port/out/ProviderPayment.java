package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentState;
import dev.orderpay.domain.SessionId;

import java.util.Objects;
import java.util.Optional;

/**
 * A payment as the provider reports it. Amount and currency are kept raw so that a payment that does not
 * match its order can still be read and refused.
 *
 * @param sessionId          the checkout it was made through, if the provider says
 * @param orderReference     the reference the checkout was opened with: the order id
 * @param status             the provider's status translated to the order status it stands for
 * @param capturedMinorUnits how much of it has been captured so far
 * @param refundedMinorUnits how much of that has been refunded so far
 */
public record ProviderPayment(PaymentId paymentId, Optional<SessionId> sessionId, String orderReference,
                              long amountMinorUnits, String currency, OrderStatus status, long capturedMinorUnits,
                              long refundedMinorUnits) {

    public ProviderPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
    }

    public PaymentState state() {
        return new PaymentState(paymentId, status, Math.max(0, capturedMinorUnits), Math.max(0, refundedMinorUnits));
    }
}
