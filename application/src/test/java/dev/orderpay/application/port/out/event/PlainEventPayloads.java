package dev.orderpay.application.port.out.event;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.OrderEvent;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;

/**
 * An {@link EventPayloads} for use-case tests: one line naming the event and the order's status and amounts at the
 * moment it was rendered, which is all those tests read. The payload is opaque to the application.
 */
public class PlainEventPayloads implements EventPayloads {

    @Override
    public String render(EventId id, Instant createdAt, OrderEvent event, Order order) {
        return event.type().wireName() + " #" + event.sequence() + " " + order.status()
                + " captured=" + order.payment().captured().minorUnits()
                + " refunded=" + order.payment().refunded().minorUnits();
    }

    @Override
    public String renderPing(EventId id, Instant createdAt, WebhookEndpointId endpoint) {
        return "ping " + id + " to " + endpoint;
    }
}
