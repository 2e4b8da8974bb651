package dev.orderpay.domain.event;

import dev.orderpay.domain.InvalidValueException;

import java.util.Objects;
import java.util.UUID;

/** An event's stable id: a receiver that sees it twice knows the second delivery is a repeat. */
public record EventId(UUID value) {

    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId newId() {
        return new EventId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is refused rather than guessed at. */
    public static EventId parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return new EventId(uuid);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new InvalidValueException("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
