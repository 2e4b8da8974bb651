package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.contents.OrderContents;
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
import dev.orderpay.domain.webhook.CallbackUrl;

import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;

/**
 * Flattens an order into its row and back; the status and the pending operation's type are stored by name, and
 * every amount in minor units of the order's one currency.
 */
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
                order.callbackUrl().map(CallbackUrl::toString).orElse(null),
                order.status().name(),
                session == null ? null : session.id().value(),
                session == null ? null : session.link().toString(),
                payment.paymentId().map(PaymentId::value).orElse(null),
                payment.captured().minorUnits(),
                payment.refunded().minorUnits(),
                pending == null ? null : pending.type().name(),
                pending == null ? null : pending.amount().minorUnits(),
                pending == null ? null : pending.baseline().minorUnits(),
                pending == null ? null : pending.startedAt(),
                order.createdAt(),
                updatedAt,
                creationHeldUntil,
                order.lastEventSequence(),
                version);
    }

    static Order toOrder(OrderRow row) {
        Money amount = Money.of(row.amountMinor(), row.currency());
        Currency currency = amount.currency();
        // The table's constraints keep id and link together, so one null check covers both; the same goes for
        // the pending operation's columns.
        PaymentSession session = row.sessionId() == null
                ? null
                : new PaymentSession(new SessionId(row.sessionId()), URI.create(row.sessionUrl()));
        PendingOperation pending = row.pendingOperation() == null
                ? null
                : new PendingOperation(PendingOperation.Type.valueOf(row.pendingOperation()),
                        new Money(row.pendingAmountMinor(), currency), new Money(row.pendingBaselineMinor(), currency),
                        row.pendingStartedAt());
        return Order.rehydrate(
                new OrderId(row.id()),
                amount,
                new Receipt(row.receipt()),
                row.callbackUrl() == null ? null : new CallbackUrl(URI.create(row.callbackUrl())),OrderContents.NONE, 
                row.createdAt(),
                OrderStatus.valueOf(row.status()),
                session,
                new OrderPayment(Optional.ofNullable(row.paymentId()).map(PaymentId::new),
                        new Money(row.capturedMinor(), currency), new Money(row.refundedMinor(), currency)),
                pending,
                row.lastEventSequence(),
                row.version());
    }
}
