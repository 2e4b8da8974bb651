package dev.orderpay.application.port.in.event;

import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.util.List;
import java.util.Objects;

/** How asking for a redelivery ended. */
public sealed interface RedeliveryResult {

    /**
     * New deliveries were made, due at once (none when no enabled endpoint subscribes to the event's type and its
     * order has no callback URL). Earlier deliveries of the event to those destinations stand as they are.
     */
    record Redelivered(List<EventDelivery> deliveries) implements RedeliveryResult {
        public Redelivered {
            deliveries = List.copyOf(deliveries);
        }
    }

    /** Nothing was made: the endpoint named is disabled, so a delivery to it would wait until it is enabled. */
    record EndpointDisabled(WebhookEndpointId endpointId) implements RedeliveryResult {
        public EndpointDisabled {
            Objects.requireNonNull(endpointId, "endpointId");
        }
    }
}
