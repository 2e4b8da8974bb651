package dev.orderpay.application.port.out;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;

import java.net.URI;
import java.util.Objects;

/** What the provider needs to open a checkout: the order it pays for, how much, and where to send the buyer back. */
public record CheckoutRequest(OrderId orderId, Money amount, URI returnUrl) {

    public CheckoutRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(returnUrl, "returnUrl");
    }
}
