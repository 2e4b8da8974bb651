package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts the status changes an order's update stores ({@code orderpay_status_transitions}), once they are stored:
 * every change goes through {@link OrderRepository#update}, and a stale update stores none.
 */
final class StatusTransitionCounting implements OrderRepository {

    static final String TRANSITIONS = "orderpay.status.transitions";

    private final OrderRepository orders;
    private final MeterRegistry registry;

    StatusTransitionCounting(OrderRepository orders, MeterRegistry registry) {
        this.orders = orders;
        this.registry = registry;
    }

    @Override
    public Order update(Order order, List<Event> events) {
        // Read before the update: the stored copy has none left to commit.
        List<StatusChange> changes = order.uncommittedChanges();
        Order stored = orders.update(order, events);
        changes.forEach(change -> Counter.builder(TRANSITIONS)
                .description("Orders' status changes, by the status left, the status reached and what brought it about")
                .tags("from", change.from().name(), "to", change.to().name(),
                        "source", change.provenance().source().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment());
        return stored;
    }

    @Override
    public void add(Order order, Instant creationHeldUntil) {
        orders.add(order, creationHeldUntil);
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return orders.findById(id);
    }

    @Override
    public List<Order> findNewestFirst(OrderFilter filter, Optional<OrderCursor> after, int limit) {
        return orders.findNewestFirst(filter, after, limit);
    }

    @Override
    public List<CurrencyTotals> totals(TotalsQuery query) {
        return orders.totals(query);
    }

    @Override
    public List<StatusChange> history(OrderId id) {
        return orders.history(id);
    }

    @Override
    public List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant claimedUntil, int limit) {
        return orders.claimUnsettled(createdBefore, now, claimedUntil, limit);
    }

    @Override
    public Optional<Instant> oldestUnsettledCreatedAt() {
        return orders.oldestUnsettledCreatedAt();
    }
}
