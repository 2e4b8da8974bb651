package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Saves an order's changes together with the events they give (a transactional outbox): the repository stores both
 * or neither, so a change the merchant is not told about, or an event about a change that never happened, cannot be
 * stored. Each event is rendered here, with the order as it stands after the change, and never again.
 */
public final class EventRecorder {

    private final OrderRepository orders;
    private final EventPayloads payloads;
    private final Clock clock;

    EventRecorder(OrderRepository orders, EventPayloads payloads, Clock clock) {
        this.orders = orders;
        this.payloads = payloads;
        this.clock = clock;
    }

    /** {@link OrderRepository#update} with the order's new events. */
    Order save(Order order) {
        return save(order, Optional.empty());
    }

    /** {@link OrderRepository#update} with the order's new events and the audit entry of the request that asked. */
    Order save(Order order, Optional<AuditEntry> audit) {
        return orders.update(order, eventsOf(order), audit);
    }

    private List<Event> eventsOf(Order order) {
        Instant now = clock.instant();
        return order.uncommittedEvents().stream()
                .map(event -> {
                    EventId id = EventId.newId();
                    return new Event(id, event.type(), order.id(), event.sequence(), now,
                            payloads.render(id, now, event, order));
                })
                .toList();
    }
}
