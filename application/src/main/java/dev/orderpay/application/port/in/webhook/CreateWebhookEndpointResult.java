package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;

import java.util.Objects;

/** How registering an endpoint ended. */
public sealed interface CreateWebhookEndpointResult {

    /**
     * Registered and enabled.
     *
     * @param secret the endpoint's signing secret, to show the merchant this once
     */
    record Created(WebhookEndpoint endpoint, SigningSecret secret) implements CreateWebhookEndpointResult {
        public Created {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(secret, "secret");
        }
    }

    /** Nothing was stored: the merchant has {@code limit} endpoints already, the most there may be. */
    record LimitReached(int limit) implements CreateWebhookEndpointResult {
    }
}
