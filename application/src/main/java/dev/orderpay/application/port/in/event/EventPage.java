package dev.orderpay.application.port.in.event;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

public record EventPage(List<Event> events, Optional<EventCursor> next) {

    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next");
    }
}
