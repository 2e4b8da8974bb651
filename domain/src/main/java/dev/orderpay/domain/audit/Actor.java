package dev.orderpay.domain.audit;

import dev.orderpay.domain.InvalidValueException;

import java.util.Objects;

/**
 * Who asked for an action, and in which request: the client's id (a managed key's id, {@code key-} and the start
 * of an environment key's digest, or the configured client when keys are not checked), never the key itself.
 *
 * @param name      the client's id
 * @param requestId the request's {@code Request-Id}, to find its log lines
 */
public record Actor(String name, String requestId) {

    /** The longest a request id may be (the REST adapter adopts callers' ids up to this length). */
    public static final int MAX_LENGTH = 128;

    public Actor {
        requireText("name", name);
        requireText("requestId", requestId);
    }

    private static void requireText(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, "must be 1 to " + MAX_LENGTH + " characters");
        }
    }
}
