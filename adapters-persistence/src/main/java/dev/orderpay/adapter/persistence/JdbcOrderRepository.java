package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.CurrencyTotals;
import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.application.port.in.OrderFilter;
import dev.orderpay.application.port.in.TotalsQuery;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Orders in PostgreSQL. Every write is one short transaction of its own (or joins the caller's), and no method
 * talks to anything but the database, so no lock is ever held while a provider is being called. A read that is a
 * single statement runs without a transaction of its own: it sees one snapshot anyway, and the BEGIN and COMMIT
 * round trips a read-only transaction adds were a measurable share of a read's cost (docs/benchmarks.md).
 */
@Singleton
@Transactional
class JdbcOrderRepository implements OrderRepository {

    private final OrderRowRepository rows;
    private final StatusChangeRowRepository history;

    JdbcOrderRepository(OrderRowRepository rows, StatusChangeRowRepository history) {
        this.rows = rows;
        this.history = history;
    }

    @Override
    public void add(Order order) {
        // A new order starts at version 0 whatever copy it came from, as the port promises.
        rows.save(OrderRowMapper.toRow(order, 0, Instant.now()));
        record(order.uncommittedChanges());
    }

    @Override
    public Order update(Order order) {
        Order saved;
        try {
            saved = OrderRowMapper.toOrder(rows.update(OrderRowMapper.toRow(order, order.version(), Instant.now())));
        } catch (OptimisticLockException staleVersion) {
            throw new ConcurrentOrderUpdateException(order.id(), staleVersion);
        }
        // Only reached when the version matched, and in the row's transaction: the history is written with the
        // change it describes or not at all.
        record(order.uncommittedChanges());
        return saved;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Order> findById(OrderId id) {
        return rows.findById(id.value()).map(OrderRowMapper::toOrder);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Order> findNewestFirst(OrderFilter filter, Optional<OrderCursor> after, int limit) {
        return rows.findAll(OrderCriteria.newestFirst(filter, after, limit)).stream()
                .map(OrderRowMapper::toOrder)
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
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StatusChange> history(OrderId id) {
        return history.findByOrderIdOrderById(id.value()).stream().map(StatusChangeRowMapper::toChange).toList();
    }

    @Override
    public List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant claimedUntil, int limit) {
        return rows.claimUnsettled(createdBefore, now, claimedUntil, limit).stream()
                .map(OrderRowMapper::toOrder)
                .toList();
    }

    private void record(List<StatusChange> changes) {
        history.saveAll(changes.stream().map(StatusChangeRowMapper::toRow).toList());
    }
}
