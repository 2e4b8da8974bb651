package dev.orderpay.application.port.in.order;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;

import java.time.Instant;
import java.util.Objects;

/** A position in the newest-first order list: the creation time and id of the last order seen. */
public record OrderCursor(Instant createdAt, OrderId id) {

    public OrderCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static OrderCursor after(Order order) {
        return new OrderCursor(order.createdAt(), order.id());
    }
}
