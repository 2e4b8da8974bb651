package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;

public interface CreateWebhookEndpointUseCase {

    /**
     * Registers an endpoint, enabled, with a new signing secret, unless the merchant has as many as allowed. With an
     * idempotency key, a repeat gets the first request's answer again, without the secret: only the request that
     * made a secret is shown it.
     *
     * @throws InvalidCommandException               naming {@code url} if webhooks may not go there
     * @throws IdempotencyKeyReusedException         if the key was used before for a different request
     * @throws IdempotentRequestInProgressException  if the earlier request with the key is still being carried out
     */
    IdempotentResult<CreateWebhookEndpointResult> createEndpoint(CreateWebhookEndpointCommand command);
}
