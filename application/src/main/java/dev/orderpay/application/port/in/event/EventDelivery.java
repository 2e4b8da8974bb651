package dev.orderpay.application.port.in.event;

import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event's delivery to one endpoint, or to the callback URL of the event's order: made with the event (one per
 * endpoint that was enabled and subscribed to it then, and one to the order's callback URL when it has one), or later
 * by a redelivery the merchant asked for.
 *
 * @param endpointId    the endpoint it went to; empty exactly when it went to the order's callback URL
 * @param callbackUrl   the order's callback URL it went to; empty exactly when it went to an endpoint
 * @param nextAttemptAt when it is to be tried (again); empty once it is delivered or failed for good
 * @param attempts      its webhook calls so far, oldest first
 */
public record EventDelivery(WebhookDeliveryId id, EventId eventId, Optional<WebhookEndpointId> endpointId,
                            Optional<CallbackUrl> callbackUrl, DeliveryState state, Instant createdAt,
                            Optional<Instant> nextAttemptAt, List<DeliveryAttempt> attempts) {

    public EventDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (endpointId.isPresent() == callbackUrl.isPresent()) {
            throw new IllegalArgumentException("a delivery goes to an endpoint or to the order's callback URL");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        attempts = List.copyOf(attempts);
        if (nextAttemptAt.isPresent() != (state == DeliveryState.PENDING)) {
            throw new IllegalArgumentException("a delivery has a next attempt exactly while it is pending");
        }
    }
}
