package dev.orderpay.application.port.out;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What the provider needs to open a checkout: the order it pays for, how much, where to send the buyer back,
 * where to notify this service, and when the checkout stops accepting payment.
 */
public record CheckoutRequest(OrderId orderId, Money amount, URI returnUrl, URI notificationUrl, Instant expiresAt) {

    public CheckoutRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(notificationUrl, "notificationUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
