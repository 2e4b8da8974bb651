package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** An order as clients see it; {@code links} holds the checkout the buyer follows while one is open. */
@Serdeable(naming = SnakeCaseStrategy.class)
record OrderResponse(String id, String createdAt, long amount, String currency, String receipt, String status,
                     List<Link> links) {

    static OrderResponse from(Order order) {
        List<Link> links = order.session()
                .map(session -> List.of(new Link("session_link", session.link().toString())))
                .orElse(List.of());
        return new OrderResponse(order.id().toString(), DateTimeFormatter.ISO_INSTANT.format(order.createdAt()),
                order.amount().minorUnits(), order.amount().currencyCode(), order.receipt().value(),
                order.status().name(), links);
    }
}
