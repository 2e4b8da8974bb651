package dev.orderpay.application.port.in.access;

import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.Actor;

import java.util.Set;

public interface CreateApiKeyUseCase {

    /**
     * Makes a new key granting the command's scopes, provided the caller holds each of them: no key can make a key
     * stronger than itself.
     *
     * @param callerHolds the scopes of the key the request came with
     * @param actor       who asks, for the audit log
     */
    CreateApiKeyResult createKey(CreateApiKeyCommand command, Set<Scope> callerHolds, Actor actor);
}
