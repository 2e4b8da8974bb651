package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.WebhookEndpointId;

/** The endpoint kept changing while this request tried to change it; nothing of the request was saved. */
public class WebhookEndpointBusyException extends RuntimeException {

    public WebhookEndpointBusyException(WebhookEndpointId id, Throwable cause) {
        super("webhook endpoint " + id + " kept changing", cause);
    }
}
