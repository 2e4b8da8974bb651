package dev.orderpay.application.port.in.event;

import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.util.Objects;
import java.util.Optional;

/**
 * Deliver an event again, now.
 *
 * @param endpointId to this endpoint only (whatever types it subscribes to); when empty, to every enabled endpoint
 *                   subscribed to the event's type and to the callback URL of the event's order
 * @param actor      who asks, for the audit log
 */
public record RedeliverEventCommand(EventId eventId, Optional<WebhookEndpointId> endpointId, Actor actor) {

    public RedeliverEventCommand {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(actor, "actor");
    }
}
