package dev.orderpay.application.port.in.event;

import dev.orderpay.domain.event.EventId;

import java.time.Instant;
import java.util.Objects;

/** A position in the newest-first event list: the creation time and id of the last event seen. */
public record EventCursor(Instant createdAt, EventId id) {

    public EventCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static EventCursor after(Event event) {
        return new EventCursor(event.createdAt(), event.id());
    }
}
