package dev.orderpay.application.port.in.idempotency;

import dev.orderpay.application.port.in.InvalidCommandException;

import java.util.Objects;

/**
 * A client's key for one logical request: the same key and the same request give the same answer, and the
 * request is carried out once.
 *
 * @param clientId whose key it is; keys of different clients never meet
 */
public record IdempotencyKey(String clientId, String key) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(clientId, "clientId");
        if (key == null || key.isBlank() || key.length() > MAX_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            throw InvalidCommandException.of("Idempotency-Key", "must be 1 to " + MAX_LENGTH + " printable characters");
        }
    }
}
