package dev.orderpay.application.port.in.access;

import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.audit.Actor;

public interface RevokeApiKeyUseCase {

    /**
     * Stops the key from working, for good, unless it is the last one that may manage keys.
     *
     * @param actor who asks, for the audit log
     */
    RevokeApiKeyResult revokeKey(ApiKeyId id, Actor actor);
}
