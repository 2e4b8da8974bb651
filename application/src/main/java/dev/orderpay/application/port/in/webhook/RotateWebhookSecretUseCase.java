package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.WebhookEndpointId;

public interface RotateWebhookSecretUseCase {

    /**
     * Gives the endpoint a new signing secret; the old one keeps signing beside it for the configured overlap.
     *
     * @throws WebhookEndpointNotFoundException if there is no such endpoint
     * @throws WebhookEndpointBusyException     if it kept changing under the request
     */
    RotatedSecret rotateSecret(WebhookEndpointId id);
}
