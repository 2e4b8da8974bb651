package dev.orderpay.application.port.out.event;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The events recorded so far. They are written only with the change they report, through
 * {@link dev.orderpay.application.port.out.OrderRepository#update}; this reads them back, and forgets them once
 * their retention has passed.
 */
public interface EventLog {

    /**
     * Up to {@code limit} events that pass the filter, newest first (ties broken by id), strictly after
     * {@code after} when given.
     */
    List<Event> findNewestFirst(EventFilter filter, Optional<EventCursor> after, int limit);

    Optional<Event> findById(EventId id);

    /** The order's events in sequence order. */
    List<Event> findByOrder(OrderId orderId);

    /**
     * Deletes up to {@code limit} events created before {@code cutoff}, oldest first, with their deliveries and
     * attempts; an event with a delivery still pending is kept, however old, so it is never lost before it is sent.
     *
     * @return how many events were deleted: fewer than {@code limit} when no more are due
     */
    int forgetBefore(Instant cutoff, int limit);
}
