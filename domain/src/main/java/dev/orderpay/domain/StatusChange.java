package dev.orderpay.domain;

import java.util.Objects;

/** One step an order took from one status to another, and what brought it about. */
public record StatusChange(OrderId orderId, OrderStatus from, OrderStatus to, Provenance provenance) {

    public StatusChange {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(provenance, "provenance");
    }
}
