package dev.orderpay.domain.access;

import dev.orderpay.domain.InvalidValueException;

import java.util.Objects;
import java.util.UUID;

/** A managed API key's id: not secret, it names the key in lists, logs and rate limits. */
public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId newId() {
        return new ApiKeyId(UUID.randomUUID());
    }

    /** Parses the canonical text form; anything else is refused rather than guessed at. */
    public static ApiKeyId parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return new ApiKeyId(uuid);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new InvalidValueException("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
