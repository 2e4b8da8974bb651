package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.util.Objects;

/**
 * A delivery claimed to be attempted now, with the event it carries.
 *
 * @param attemptsMade how many attempts were recorded before this one
 */
public record DueDelivery(WebhookDeliveryId id, WebhookEndpointId endpointId, Event event, int attemptsMade) {

    public DueDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(event, "event");
        if (attemptsMade < 0) {
            throw new IllegalArgumentException("attemptsMade cannot be negative");
        }
    }
}
