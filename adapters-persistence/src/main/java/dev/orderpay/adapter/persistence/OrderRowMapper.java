package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.PendingOperation;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.SessionId;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Flattens an order into its row and back; the status and the pending operation's type are stored by name. */
final class OrderRowMapper {

    private OrderRowMapper() {
    }

    static OrderRow toRow(Order order, long version, Instant updatedAt, Instant creationHeldUntil) {
        PaymentSession session = order.session().orElse(null);
        OrderPayment payment = order.payment();
        PendingOperation pending = order.pendingOperation().orElse(null);
        return new OrderRow(
                order.id().value(),
                order.amount().minorUnits(),
                order.amount().currencyCode(),
                order.receipt().value(),
                order.status().name(),
                session == null ? null : session.id().value(),
                session == null ? null : session.link().toString(),
                payment.paymentId().map(PaymentId::value).orElse(null),
                payment.capturedMinorUnits(),
                payment.refundedMinorUnits(),
                pending == null ? null : pending.type().name(),
                pending == null ? null : pending.amountMinorUnits(),
                pending == null ? null : pending.baselineMinorUnits(),
                pending == null ? null : pending.startedAt(),
                order.createdAt(),
                updatedAt,
                creationHeldUntil,
                version);
    }

    static Order toOrder(OrderRow row) {
        // The table's constraints keep id and link together, so one null check covers both; the same goes for
        // the pending operation's columns.
        PaymentSession session = row.sessionId() == null
                ? null
                : new PaymentSession(new SessionId(row.sessionId()), URI.create(row.sessionUrl()));
        PendingOperation pending = row.pendingOperation() == null
                ? null
                : new PendingOperation(PendingOperation.Type.valueOf(row.pendingOperation()),
                        row.pendingAmountMinor(), row.pendingBaselineMinor(), row.pendingStartedAt());
        return Order.rehydrate(
                new OrderId(row.id()),
                Money.of(row.amountMinor(), row.currency()),
                new Receipt(row.receipt()),
                row.createdAt(),
                OrderStatus.valueOf(row.status()),
                session,
                new OrderPayment(Optional.ofNullable(row.paymentId()).map(PaymentId::new), row.capturedMinor(),
                        row.refundedMinor()),
                pending,
                row.version());
    }
}
