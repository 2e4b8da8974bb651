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

/** Where orders are kept. Each call is atomic on its own; none is ever held open across a provider call. */
public interface OrderRepository {

    /**
     * Stores a new order; its version becomes 0. Its creation holds it until {@code creationHeldUntil}: until then
     * {@link #claimUnsettled} passes it over, since its checkout may still be being opened. The first
     * {@link #update} of the order, the creation storing its outcome, ends the hold. A new order has told nobody
     * anything yet (nor changed status): its first event comes with that update.
     *
     * @throws IllegalArgumentException if the order has events to record
     */
    void add(Order order, Instant creationHeldUntil);

    /**
     * Stores the order, provided nobody else changed it since it was loaded, together with its
     * {@link Order#uncommittedChanges()} as history and {@code events}, the rendering of its
     * {@link Order#uncommittedEvents()}, and the audit entry of the request that made the change when it was one a
     * merchant asked for: all or nothing (the transactional outbox).
     *
     * @return the order as stored, with its new version
     * @throws ConcurrentOrderUpdateException if the stored order has moved on since this copy was loaded, or was
     *                                        never stored
     * @throws IllegalArgumentException       if {@code events} are not the order's new events, one for one
     */
    Order update(Order order, List<Event> events, Optional<AuditEntry> audit);

    /** {@link #update(Order, List, Optional)} of a change nobody asked for (the provider's news, reconciliation). */
    default Order update(Order order, List<Event> events) {
        return update(order, events, Optional.empty());
    }

    Optional<Order> findById(OrderId id);

    /**
     * The guard every implementation applies before {@link #update} writes anything: the events must be the order's
     * new events, one for one, so none can be left behind or made up.
     */
    static void requireTheOrdersEvents(Order order, List<Event> events) {
        List<String> expected = order.uncommittedEvents().stream()
                .map(event -> event.sequence() + " " + event.type().wireName())
                .toList();
        List<String> given = events.stream()
                .filter(event -> event.orderId().equals(order.id()))
                .map(event -> event.sequence() + " " + event.type().wireName())
                .toList();
        if (!given.equals(expected) || given.size() != events.size()) {
            throw new IllegalArgumentException("the events " + given + " are not order " + order.id()
                    + "'s new events " + expected);
        }
    }

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

    /**
     * Ends the claims {@link #claimUnsettled} gave until {@code claimedUntil} on these orders, so that any caller may
     * claim them at once: a stopping instance lets go of what it will not finish. An order whose claim is another
     * one (ours ran out and someone else claimed it) keeps it.
     *
     * @return how many claims were ended
     */
    int releaseClaims(Collection<OrderId> orders, Instant claimedUntil);

    /**
     * When the oldest order still awaiting its payment's outcome, or with an operation pending at the provider, was
     * created, whether or not anyone has it claimed or its creation holds it: how far behind reconciliation is.
     *
     * @return empty when every order is settled
     */
    Optional<Instant> oldestUnsettledCreatedAt();
}
