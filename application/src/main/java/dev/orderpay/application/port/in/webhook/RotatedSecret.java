package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;

import java.util.Objects;

/**
 * An endpoint whose secret was replaced: webhooks are signed with {@code secret} from now on, and with the old one
 * too until {@code endpoint.previousSecret()} says it stops.
 *
 * @param secret the new secret, to show the merchant this once
 */
public record RotatedSecret(WebhookEndpoint endpoint, SigningSecret secret) {

    public RotatedSecret {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secret, "secret");
    }
}
