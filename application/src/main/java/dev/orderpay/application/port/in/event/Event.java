package dev.orderpay.application.port.in.event;

import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a merchant is told, as it was recorded with the change it reports and never changed afterwards.
 *
 * @param sequence its place among its order's events: 1, 2, 3... with no gaps
 * @param payload  the event as merchants receive it (the webhook's body) and read it, with the order as it stood
 *                 at that moment: rendered once, when the change was recorded, so it can never be stale
 */
public record Event(EventId id, EventType type, OrderId orderId, long sequence, Instant createdAt, String payload) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("an order's events are numbered from 1");
        }
    }
}
