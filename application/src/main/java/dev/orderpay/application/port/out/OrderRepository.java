package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.order.CurrencyTotals;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.StatusChange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders are kept. Each call is atomic on its own; none is ever held open across a provider call. */
public interface OrderRepository {

    /**
     * Stores a new order; its version becomes 0. Its creation holds it until {@code creationHeldUntil}: until then
     * {@link #claimUnsettled} passes it over, since its checkout may still be being opened. The first
     * {@link #update} of the order, the creation storing its outcome, ends the hold.
     */
    void add(Order order, Instant creationHeldUntil);

    /**
     * Stores the order's status and session, provided nobody else changed it since it was loaded, together with
     * its {@link Order#uncommittedChanges()} as history: both or neither.
     *
     * @return the order as stored, with its new version
     * @throws ConcurrentOrderUpdateException if the stored order has moved on since this copy was loaded, or was
     *                                        never stored
     */
    Order update(Order order);

    Optional<Order> findById(OrderId id);

    /**
     * Up to {@code limit} orders that pass the filter, newest first (ties broken by id), strictly after
     * {@code after} when given.
     */
    List<Order> findNewestFirst(OrderFilter filter, Optional<OrderCursor> after, int limit);

    /** Authorized, captured and refunded sums per currency over the orders the query selects. */
    List<CurrencyTotals> totals(TotalsQuery query);

    /** The order's status changes, oldest first. */
    List<StatusChange> history(OrderId id);

    /**
     * Claims up to {@code limit} orders still awaiting their payment's outcome or with an operation pending at the
     * provider, created before {@code createdBefore}, neither held by its creation nor claimed by anyone until
     * {@code now}; each stays claimed until {@code claimedUntil}. Concurrent callers (other instances) never get
     * the same order.
     */
    List<Order> claimUnsettled(Instant createdBefore, Instant now, Instant claimedUntil, int limit);
}
