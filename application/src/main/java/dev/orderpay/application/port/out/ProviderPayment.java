package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderStatus;

import java.util.Objects;

/**
 * A payment as the provider reports it. Amount and currency are kept raw so that a payment that does not
 * match its order can still be read and refused.
 *
 * @param orderReference the reference the checkout was opened with: the order id
 * @param status         the provider's status translated to the order status it stands for
 */
public record ProviderPayment(String paymentId, String sessionId, String orderReference, long amountMinorUnits,
                              String currency, OrderStatus status) {

    public ProviderPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
    }
}
