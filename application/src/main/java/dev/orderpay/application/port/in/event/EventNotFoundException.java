package dev.orderpay.application.port.in.event;

import dev.orderpay.domain.event.EventId;

public class EventNotFoundException extends RuntimeException {

    private final EventId eventId;

    public EventNotFoundException(EventId eventId) {
        super("no event " + eventId);
        this.eventId = eventId;
    }

    public EventId eventId() {
        return eventId;
    }
}
