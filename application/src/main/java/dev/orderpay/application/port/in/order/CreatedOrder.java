package dev.orderpay.application.port.in.order;

import dev.orderpay.domain.Order;

import java.util.Objects;

/** @param replayed true when an earlier request with the same idempotency key created this order */
public record CreatedOrder(Order order, boolean replayed) {

    public CreatedOrder {
        Objects.requireNonNull(order, "order");
    }
}
