package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;

public interface CreateWebhookEndpointUseCase {

    /**
     * Registers an endpoint, enabled, with a new signing secret, unless the merchant has as many as allowed.
     *
     * @throws InvalidCommandException naming {@code url} if webhooks may not go there
     */
    CreateWebhookEndpointResult createEndpoint(CreateWebhookEndpointCommand command);
}
