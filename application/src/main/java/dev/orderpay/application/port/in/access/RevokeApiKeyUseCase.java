package dev.orderpay.application.port.in.access;

import dev.orderpay.domain.access.ApiKeyId;

public interface RevokeApiKeyUseCase {

    /** Stops the key from working, for good, unless it is the last one that may manage keys. */
    RevokeApiKeyResult revokeKey(ApiKeyId id);
}
