package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;

/** An event and its row; the type is stored by its wire name, which is what an operator reading the table knows. */
final class EventRowMapper {

    private EventRowMapper() {
    }

    static EventRow toRow(Event event) {
        return new EventRow(event.id().value(), event.type().wireName(), event.orderId().value(), event.sequence(),
                event.createdAt(), event.payload());
    }

    static Event toEvent(EventRow row) {
        EventType type = EventType.fromWireName(row.type())
                .orElseThrow(() -> new IllegalStateException("unknown event type in the events table: " + row.type()));
        return new Event(new EventId(row.id()), type, new OrderId(row.orderId()), row.sequence(), row.createdAt(),
                row.payload());
    }
}
