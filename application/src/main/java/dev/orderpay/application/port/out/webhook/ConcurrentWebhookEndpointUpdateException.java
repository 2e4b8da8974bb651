package dev.orderpay.application.port.out.webhook;

import dev.orderpay.domain.webhook.WebhookEndpointId;

/** Someone else saved the endpoint first, or deleted it; reload it and decide again. */
public class ConcurrentWebhookEndpointUpdateException extends RuntimeException {

    public ConcurrentWebhookEndpointUpdateException(WebhookEndpointId id) {
        this(id, null);
    }

    public ConcurrentWebhookEndpointUpdateException(WebhookEndpointId id, Throwable cause) {
        super("webhook endpoint " + id + " was changed concurrently", cause);
    }
}
