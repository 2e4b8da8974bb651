package dev.orderpay.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.StatusChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An order as clients see it; {@code links} holds the checkout the buyer follows while one is open, and
 * {@code history} is there only when asked for (and then even when empty).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record OrderResponse(String id, String createdAt, long amount, String currency, String receipt, String status,
                     List<Link> links,
                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<StatusChangeResponse> history) {

    static OrderResponse from(Order order) {
        List<Link> links = order.session()
                .map(session -> List.of(new Link("session_link", session.link().toString())))
                .orElse(List.of());
        return new OrderResponse(order.id().toString(), DateTimeFormatter.ISO_INSTANT.format(order.createdAt()),
                order.amount().minorUnits(), order.amount().currencyCode(), order.receipt().value(),
                order.status().name(), links, null);
    }

    static OrderResponse from(Order order, List<StatusChange> history) {
        OrderResponse plain = from(order);
        return new OrderResponse(plain.id, plain.createdAt, plain.amount, plain.currency, plain.receipt, plain.status,
                plain.links, StatusChangeResponse.from(history));
    }
}
