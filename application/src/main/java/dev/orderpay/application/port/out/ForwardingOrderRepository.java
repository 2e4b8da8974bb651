package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Passes every call on to another repository; a decorator extends it and overrides only the call it adds to, such as
 * counting the status changes an update stores, or a test's holding loads or slipping in a competing save.
 */
public abstract class ForwardingOrderRepository implements OrderRepository {

    protected final OrderRepository delegate;

    protected ForwardingOrderRepository(OrderRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public void add(Order order, Instant creationHeldUntil) {
        delegate.add(order, creationHeldUntil);
    }

    @Override
    public Order update(Order order, List<Event> events, Optional<AuditEntry> audit) {
        return delegate.update(order, events, audit);
    }

    /** Final, so that a decorator adds to the one update every save goes through. */
    @Override
    public final Order update(Order order, List<Event> events) {
        return update(order, events, Optional.empty());
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return delegate.findById(id);
    }

    @Override
    public List<Order> findNewestFirst(OrderFilter filter, Optional<OrderCursor> after, int limit) {
        return delegate.findNewestFirst(filter, after, limit);
    }

    @Override
    public List<CurrencyTotals> totals(TotalsQuery query) {
        return delegate.totals(query);
    }

    @Override
    public List<StatusChange> history(OrderId id) {
        return delegate.history(id);
    }

    @Override
    public List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant claimedUntil, int limit) {
        return delegate.claimUnsettled(createdBefore, now, claimedUntil, limit);
    }

    @Override
    public int releaseClaims(Collection<OrderId> orders, Instant claimedUntil) {
        return delegate.releaseClaims(orders, claimedUntil);
    }

    @Override
    public Optional<Instant> oldestUnsettledCreatedAt() {
        return delegate.oldestUnsettledCreatedAt();
    }
}
