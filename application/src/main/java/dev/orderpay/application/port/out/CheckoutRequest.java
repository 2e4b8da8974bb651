package dev.orderpay.application.port.out;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.contents.OrderContents;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What the provider needs to open a checkout: the order it pays for, how much, where to send the buyer back,
 * where to notify this service, when the checkout stops accepting payment, and what the order holds (its lines,
 * customer and addresses, for the provider to show the buyer; {@link OrderContents#NONE} for an order without).
 * The contents carry personal data: an adapter sends them to its provider and never logs them.
 */
public record CheckoutRequest(OrderId orderId, Money amount, URI returnUrl, URI notificationUrl, Instant expiresAt,
                              OrderContents contents) {

    public CheckoutRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(notificationUrl, "notificationUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(contents, "contents");
    }
}
