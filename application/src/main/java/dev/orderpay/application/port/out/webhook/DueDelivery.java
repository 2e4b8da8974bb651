package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.util.Objects;
import java.util.Optional;

/**
 * A delivery claimed to be attempted now, with the event it carries.
 *
 * @param endpointId   the endpoint it goes to; for a delivery to the order's callback URL, the storage's own id for
 *                     that destination, which is no endpoint of the merchant's
 * @param callbackUrl  present when it goes to the callback URL of the event's order rather than to an endpoint
 * @param attemptsMade how many attempts were recorded before this one
 */
public record DueDelivery(WebhookDeliveryId id, WebhookEndpointId endpointId, Optional<CallbackUrl> callbackUrl,
                          Event event, int attemptsMade) {

    public DueDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(event, "event");
        if (attemptsMade < 0) {
            throw new IllegalArgumentException("attemptsMade cannot be negative");
        }
    }
}
