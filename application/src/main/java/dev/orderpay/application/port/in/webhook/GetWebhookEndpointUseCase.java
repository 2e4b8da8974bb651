package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

public interface GetWebhookEndpointUseCase {

    /** @throws WebhookEndpointNotFoundException if there is no such endpoint */
    WebhookEndpoint getEndpoint(WebhookEndpointId id);
}
