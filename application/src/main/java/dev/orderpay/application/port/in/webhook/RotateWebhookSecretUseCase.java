package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.webhook.WebhookEndpointId;

public interface RotateWebhookSecretUseCase {

    /**
     * Gives the endpoint a new signing secret; the old one keeps signing beside it for the configured overlap.
     *
     * @param actor who asks, for the audit log
     * @throws WebhookEndpointNotFoundException if there is no such endpoint
     * @throws WebhookEndpointBusyException     if it kept changing under the request
     */
    RotatedSecret rotateSecret(WebhookEndpointId id, Actor actor);
}
