package dev.orderpay.domain.webhook;

import java.util.Objects;
import java.util.UUID;

/** One delivery of an event to an endpoint; its own type, so it cannot be passed where an event's id is meant. */
public record WebhookDeliveryId(UUID value) {

    public WebhookDeliveryId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookDeliveryId newId() {
        return new WebhookDeliveryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
