package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;

import java.util.Objects;
import java.util.UUID;

/** A webhook endpoint's id; its own type, so it cannot be passed where an order's or an event's id is meant. */
public record WebhookEndpointId(UUID value) {

    public WebhookEndpointId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookEndpointId newId() {
        return new WebhookEndpointId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is refused rather than guessed at. */
    public static WebhookEndpointId parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return new WebhookEndpointId(uuid);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new InvalidValueException("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
