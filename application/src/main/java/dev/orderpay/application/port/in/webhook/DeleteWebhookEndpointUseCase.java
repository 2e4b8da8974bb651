package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.webhook.WebhookEndpointId;

public interface DeleteWebhookEndpointUseCase {

    /**
     * Removes the endpoint: nothing more is sent to it.
     *
     * @param actor who asks, for the audit log
     * @throws WebhookEndpointNotFoundException if there is no such endpoint
     */
    void deleteEndpoint(WebhookEndpointId id, Actor actor);
}
