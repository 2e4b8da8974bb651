package dev.orderpay.application.port.out.event;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.OrderEvent;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;

/**
 * Renders an event as merchants receive and read it. The order in it must look exactly as the API shows orders, so
 * the inbound HTTP adapter, which owns that shape, implements this.
 */
public interface EventPayloads {

    /** The event as JSON, carrying {@code order} as it stands now (just after the change the event reports). */
    String render(EventId id, Instant createdAt, OrderEvent event, Order order);

    /** An endpoint's test event, {@code ping}: no order, and the endpoint's id as its data. Never stored. */
    String renderPing(EventId id, Instant createdAt, WebhookEndpointId endpoint);
}
