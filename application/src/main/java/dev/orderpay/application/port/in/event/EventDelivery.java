package dev.orderpay.application.port.in.event;

import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event's delivery to one endpoint: made with the event (one per endpoint that was enabled and subscribed to it
 * then), or later by a redelivery the merchant asked for.
 *
 * @param nextAttemptAt when it is to be tried (again); empty once it is delivered or failed for good
 * @param attempts      its webhook calls so far, oldest first
 */
public record EventDelivery(WebhookDeliveryId id, EventId eventId, WebhookEndpointId endpointId, DeliveryState state,
                            Instant createdAt, Optional<Instant> nextAttemptAt, List<DeliveryAttempt> attempts) {

    public EventDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        attempts = List.copyOf(attempts);
        if (nextAttemptAt.isPresent() != (state == DeliveryState.PENDING)) {
            throw new IllegalArgumentException("a delivery has a next attempt exactly while it is pending");
        }
    }
}
