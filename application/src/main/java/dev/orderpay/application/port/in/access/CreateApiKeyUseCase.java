package dev.orderpay.application.port.in.access;

import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.Actor;

import java.util.Set;

public interface CreateApiKeyUseCase {

    /**
     * Makes a new key granting the command's scopes, provided the caller holds each of them: no key can make a key
     * stronger than itself. With an idempotency key, a repeat gets the first request's answer again, without the
     * key itself: only the request that made a key is shown it. Asking for a scope the caller does not hold is
     * refused before the idempotency key is looked at, so it is never remembered.
     *
     * @param callerHolds the scopes of the key the request came with
     * @param actor       who asks, for the audit log
     * @throws IdempotencyKeyReusedException        if the key was used before for a different request
     * @throws IdempotentRequestInProgressException if the earlier request with the key is still being carried out
     */
    IdempotentResult<CreateApiKeyResult> createKey(CreateApiKeyCommand command, Set<Scope> callerHolds, Actor actor);
}
