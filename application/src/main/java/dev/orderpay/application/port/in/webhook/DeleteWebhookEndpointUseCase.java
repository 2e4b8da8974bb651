package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.WebhookEndpointId;

public interface DeleteWebhookEndpointUseCase {

    /**
     * Removes the endpoint: nothing more is sent to it.
     *
     * @throws WebhookEndpointNotFoundException if there is no such endpoint
     */
    void deleteEndpoint(WebhookEndpointId id);
}
