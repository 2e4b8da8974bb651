package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.Receipt;

import java.net.URI;
import java.time.Instant;

/** Flattens an order into its row and back; the status is stored by its enum name. */
final class OrderRowMapper {

    private OrderRowMapper() {
    }

    static OrderRow toRow(Order order, long version, Instant updatedAt) {
        PaymentSession session = order.session().orElse(null);
        return new OrderRow(
                order.id().value(),
                order.amount().minorUnits(),
                order.amount().currencyCode(),
                order.receipt().value(),
                order.status().name(),
                session == null ? null : session.id(),
                session == null ? null : session.link().toString(),
                order.createdAt(),
                updatedAt,
                version);
    }

    static Order toOrder(OrderRow row) {
        // The table's constraints keep id and link together, so one null check covers both.
        PaymentSession session = row.sessionId() == null
                ? null
                : new PaymentSession(row.sessionId(), URI.create(row.sessionUrl()));
        return Order.rehydrate(
                new OrderId(row.id()),
                Money.of(row.amountMinor(), row.currency()),
                new Receipt(row.receipt()),
                row.createdAt(),
                OrderStatus.valueOf(row.status()),
                session,
                row.version());
    }
}
