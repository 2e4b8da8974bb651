package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.WebhookEndpointId;

public class WebhookEndpointNotFoundException extends RuntimeException {

    private final WebhookEndpointId endpointId;

    public WebhookEndpointNotFoundException(WebhookEndpointId endpointId) {
        super("no webhook endpoint " + endpointId);
        this.endpointId = endpointId;
    }

    public WebhookEndpointId endpointId() {
        return endpointId;
    }
}
