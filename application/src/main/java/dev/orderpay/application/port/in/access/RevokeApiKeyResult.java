package dev.orderpay.application.port.in.access;

import dev.orderpay.domain.access.ApiKeyId;

import java.util.Objects;

/** How revoking a key ended. */
public sealed interface RevokeApiKeyResult {

    ApiKeyId id();

    /** The key no longer works (revoking it again changes nothing, and says so the same way). */
    record Revoked(ApiKeyId id) implements RevokeApiKeyResult {
        public Revoked {
            Objects.requireNonNull(id, "id");
        }
    }

    record NotFound(ApiKeyId id) implements RevokeApiKeyResult {
        public NotFound {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Still in force: it is the last key that may manage keys, and without it nobody could. */
    record LastKeyManager(ApiKeyId id) implements RevokeApiKeyResult {
        public LastKeyManager {
            Objects.requireNonNull(id, "id");
        }
    }
}
