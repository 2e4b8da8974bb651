package dev.orderpay.application.port.out.event;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.event.EventId;

import java.time.Instant;
import java.util.List;

/** The events an order's changes give, rendered as the application renders them, for tests that save orders directly. */
public final class TestEvents {

    private static final EventPayloads PAYLOADS = new PlainEventPayloads();

    private TestEvents() {
    }

    public static List<Event> of(Order order) {
        return of(order, Instant.now());
    }

    /** As if they happened at {@code now}. */
    public static List<Event> of(Order order, Instant now) {
        return order.uncommittedEvents().stream()
                .map(event -> {
                    EventId id = EventId.newId();
                    return new Event(id, event.type(), order.id(), event.sequence(), now,
                            PAYLOADS.render(id, now, event, order));
                })
                .toList();
    }
}
