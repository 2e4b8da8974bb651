package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.WebhookEndpointId;

/** The endpoint's test: is it reachable, and does it take our webhooks? */
public interface PingWebhookEndpointUseCase {

    /**
     * Sends the endpoint a {@code ping} event at once, signed like every webhook, and waits for its answer. The ping
     * is no stored event and is never retried. A disabled endpoint can be pinged too, to check it before enabling it.
     *
     * @throws WebhookEndpointNotFoundException if there is no such endpoint
     */
    PingResult ping(WebhookEndpointId id);
}
