package dev.orderpay.domain;

import java.util.Objects;
import java.util.UUID;

public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId newId() {
        return new OrderId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is refused rather than guessed at. */
    public static OrderId parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return new OrderId(uuid);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new InvalidValueException("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
