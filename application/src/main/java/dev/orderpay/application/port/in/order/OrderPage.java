package dev.orderpay.application.port.in.order;

import dev.orderpay.domain.Order;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

public record OrderPage(List<Order> orders, Optional<OrderCursor> next) {

    public OrderPage {
        orders = List.copyOf(orders);
        Objects.requireNonNull(next, "next");
    }
}
