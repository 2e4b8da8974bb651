package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.OrderPage;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of orders, with a {@code next} link while more remain. */
@Serdeable
record OrderListResponse(List<OrderResponse> orders, List<Link> links) {

    static OrderListResponse from(OrderPage page, int limit) {
        List<Link> links = page.next()
                .map(cursor -> List.of(new Link("next", OrderPaths.page(limit, cursor))))
                .orElse(List.of());
        return new OrderListResponse(page.orders().stream().map(OrderResponse::from).toList(), links);
    }
}
