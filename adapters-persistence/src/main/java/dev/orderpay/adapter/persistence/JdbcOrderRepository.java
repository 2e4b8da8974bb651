package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.OrderLines;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Orders in PostgreSQL. No method talks to anything but the database, so no lock is ever held while a provider is
 * being called. A change that is one statement (the row alone) runs as that statement, which PostgreSQL commits
 * atomically; one that also records status changes or events runs in a transaction of its own (or joins the
 * caller's). A read that is one statement likewise runs without a transaction: it sees one snapshot anyway. The BEGIN
 * and COMMIT round trips this saves were a measurable share of a create's and a read's cost (docs/benchmarks.md). An
 * order with lines is read in two statements checked against each other by the order's version ({@link #withLines}).
 */
@Singleton
class JdbcOrderRepository implements OrderRepository {

    private final OrderRowRepository rows;
    private final StatusChangeRowRepository history;
    private final EventRowRepository events;
    private final WebhookDeliveryRowRepository deliveries;
    private final CallbackDestinationRowRepository callbacks;
    private final AuditRowRepository audit;
    private final OrderLineRowRepository lines;
    private final TransactionOperations<Connection> transactions;

    JdbcOrderRepository(OrderRowRepository rows, StatusChangeRowRepository history, EventRowRepository events,
                        WebhookDeliveryRowRepository deliveries, CallbackDestinationRowRepository callbacks,
                        AuditRowRepository audit, OrderLineRowRepository lines,
                        TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.lines = lines;
        this.history = history;
        this.events = events;
        this.deliveries = deliveries;
        this.callbacks = callbacks;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public void add(Order order, Instant creationHeldUntil) {
        OrderRepository.requireTheOrdersEvents(order, List.of());
        // A new order starts at version 0 whatever copy it came from, as the port promises.
        OrderRow row = OrderRowMapper.toRow(order, 0, Instant.now(), creationHeldUntil);
        OrderLines orderLines = order.contents().lines();
        if (order.callbackUrl().isEmpty() && orderLines.isEmpty()) {
            rows.save(row);
            return;
        }
        // With the order, its lines in one statement, and its callback's destination row, which the fan-out of its
        // events finds (V9).
        transactions.executeWrite(transaction -> {
            rows.save(row);
            if (!orderLines.isEmpty()) {
                OrderRowMapper.LineColumns columns = OrderRowMapper.toLineColumns(orderLines);
                lines.insert(order.id().value(), columns.lineIds(), columns.descriptions(), columns.quantities(),
                        columns.amounts(), columns.vats(), columns.vatAmounts(), columns.skus());
            }
            if (order.callbackUrl().isPresent()) {
                callbacks.insert(WebhookEndpointId.newId().value(), order.id().value(),
                        order.callbackUrl().get().toString(), order.createdAt());
            }
            return null;
        });
    }

    @Override
    public Order update(Order order, List<Event> newEvents, Optional<AuditEntry> entry) {
        OrderRepository.requireTheOrdersEvents(order, newEvents);
        // No hold: the first update is the creation storing its outcome, and ends the hold (OrderRepository.add).
        OrderRow row = OrderRowMapper.toRow(order, order.version(), Instant.now(), null);
        try {
            // History, events and the audit entry are written after the row, in its transaction: only when the version
            // matched, and with the change they describe or not at all.
            // The contents are not in the update (OrderRow), and never change: the order keeps those it has.
            // The lines' ledgers are as the order holds them: those it moved were written with the row.
            List<LineLedger> movedLines = order.uncommittedLineLedgers();
            return OrderRowMapper.toOrder(withChanges(order.uncommittedChanges(), newEvents, entry, movedLines,
                    () -> writeRowAndMovedLines(order, row, movedLines)), order.contents(), order.lineLedgers());
        } catch (OptimisticLockException staleVersion) {
            throw new ConcurrentOrderUpdateException(order.id(), staleVersion);
        }
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return rows.findById(id.value()).flatMap(row -> withLines(List.of(row)).stream().findFirst());
    }

    @Override
    public List<Order> findNewestFirst(OrderFilter filter, Optional<OrderCursor> after, int limit) {
        // A summary of each order's contents, from its row: no line is read.
        return rows.findAll(OrderCriteria.newestFirst(filter, after, limit)).stream()
                .map(OrderRowMapper::toListedOrder)
                .toList();
    }

    @Override
    @ReadOnly
    public List<CurrencyTotals> totals(TotalsQuery query) {
        // The best plan depends on the period: an index range for a day, a scan of the table for all time. A generic
        // plan, which PostgreSQL may settle on once all-time totals were asked a few times, walks the index for
        // everything and sorts it (measured about 3 times slower on 200,000 orders), so this transaction plans anew.
        rows.planForBoundValuesUntilCommit();
        return rows.totals(query.currency().map(Currency::getCurrencyCode).orElse(null), query.from().orElse(null),
                        query.to().orElse(null)).stream()
                .map(sums -> new CurrencyTotals(Currency.getInstance(sums.currency()), sums.authorizedMinor(),
                        sums.capturedMinor(), sums.refundedMinor()))
                .toList();
    }

    @Override
    public List<StatusChange> history(OrderId id) {
        return history.findByOrderIdOrderById(id.value()).stream().map(StatusChangeRowMapper::toChange).toList();
    }

    @Override
    public List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant claimedUntil, int limit) {
        return withLines(rows.claimUnsettled(createdBefore, now, claimedUntil, limit));
    }

    @Override
    public int releaseClaims(Collection<OrderId> orders, Instant claimedUntil) {
        if (orders.isEmpty()) {
            return 0;
        }
        return rows.releaseClaims(orders.stream().map(OrderId::value).toList(), claimedUntil);
    }

    @Override
    public Optional<Instant> oldestUnsettledCreatedAt() {
        return Optional.ofNullable(rows.oldestUnsettledCreatedAt());
    }

    /**
     * The orders of these rows, whole: the lines of all that have any read in one query, none for those without.
     * <p>
     * The row and the lines are two statements, so a change committed between them would pair the row with lines
     * another version left: a capture still pending over lines it already moved, which applied again overdraws them.
     * Every change that moves a line bumps the order's version in the same transaction, and the lines' statement
     * reads the version with them; when it is the row's, they belong together. That check is free, where a
     * REPEATABLE READ transaction around every read of an order with lines would add its isolation statement and
     * COMMIT each time. Only an order a change slipped in on is read again, in such a transaction. Orders without
     * lines keep their single statement.
     */
    private List<Order> withLines(List<OrderRow> orderRows) {
        List<UUID> withLines = orderRows.stream().filter(row -> row.lineCount() > 0).map(OrderRow::id).toList();
        Map<UUID, List<OrderLineRow>> linesByOrder = withLines.isEmpty() ? Map.of()
                : lines.findByOrders(withLines).stream().collect(Collectors.groupingBy(OrderLineRow::orderId));
        List<Order> orders = new ArrayList<>(orderRows.size());
        for (OrderRow row : orderRows) {
            List<OrderLineRow> itsLines = linesByOrder.getOrDefault(row.id(), List.of());
            boolean sameVersion = itsLines.stream().allMatch(line -> line.orderVersion() == row.version());
            if (row.lineCount() == 0) {
                orders.add(OrderRowMapper.toOrder(row, List.of()));
            } else if (!itsLines.isEmpty() && sameVersion) {
                orders.add(OrderRowMapper.toOrder(row, itsLines));
            } else {
                // Changed (or gone) between the two statements: read again as it is now.
                inOneSnapshot(row.id()).ifPresent(orders::add);
            }
        }
        return orders;
    }

    /**
     * The order, row and lines, as one moment left them: both read in a read-only REPEATABLE READ transaction, whose
     * snapshot is taken by its first query and kept to the end. The isolation level is set by a statement inside the
     * transaction, so that it ends with it (a connection's own setting would outlive the transaction behind
     * PgBouncer, ADR 14).
     */
    private Optional<Order> inOneSnapshot(UUID id) {
        return transactions.executeRead(transaction -> {
            try (Statement isolation = transaction.getConnection().createStatement()) {
                isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            } catch (SQLException failed) {
                throw new DataAccessException("could not start a repeatable read", failed);
            }
            return rows.findById(id).map(row -> OrderRowMapper.toOrder(row,
                    row.lineCount() == 0 ? List.of() : lines.findByOrders(List.of(id))));
        });
    }

    /** The row, then the lines whose ledgers moved, only after the row's version check passed. */
    private OrderRow writeRowAndMovedLines(Order order, OrderRow row, List<LineLedger> movedLines) {
        OrderRow written = rows.update(row);
        if (!movedLines.isEmpty()) {
            OrderRowMapper.LedgerColumns columns = OrderRowMapper.toLedgerColumns(movedLines);
            lines.updateMoved(order.id().value(), columns.lineIds(), columns.capturedQuantities(),
                    columns.capturedAmounts(), columns.capturedVatAmounts(), columns.refundedQuantities(),
                    columns.refundedAmounts(), columns.refundedVatAmounts());
        }
        return written;
    }

    /**
     * Writes the row (with the lines it moved), and the status changes, events (with their webhook deliveries) and
     * audit entry with it in one transaction when there are any.
     */
    private OrderRow withChanges(List<StatusChange> changes, List<Event> newEvents, Optional<AuditEntry> entry,
                                 List<LineLedger> movedLines, Supplier<OrderRow> writeRow) {
        if (changes.isEmpty() && newEvents.isEmpty() && entry.isEmpty() && movedLines.isEmpty()) {
            return writeRow.get();
        }
        return transactions.executeWrite(transaction -> {
            OrderRow written = writeRow.get();
            if (!changes.isEmpty()) {
                history.saveAll(changes.stream().map(StatusChangeRowMapper::toRow).toList());
            }
            if (!newEvents.isEmpty()) {
                events.saveAll(newEvents.stream().map(EventRowMapper::toRow).toList());
                // Their webhook deliveries, in the same transaction: an event stored is an event delivered.
                deliveries.insertForEvents(newEvents.get(0).orderId().value(), newEvents.get(0).sequence(),
                        newEvents.get(newEvents.size() - 1).sequence());
            }
            entry.ifPresent(asked -> audit.save(AuditRowMapper.toRow(asked)));
            return written;
        });
    }
}
