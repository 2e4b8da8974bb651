package dev.orderpay.adapter.rest.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The answer to creating an endpoint or rotating its secret, the only two that carry the secret: the endpoint as
 * every other answer shows it, and its secret beside its other members.
 */
@Serdeable
@Schema(name = "WebhookEndpointWithSecret")
record WebhookEndpointWithSecretResponse(
        @JsonUnwrapped WebhookEndpointResponse endpoint,
        @Schema(requiredMode = REQUIRED, description = "The signing secret: keep it, it is never shown again."
                + " Receivers key HMAC-SHA256 with its UTF-8 bytes", example = "whsec_3f9a…")
        String secret) {

    static WebhookEndpointWithSecretResponse from(WebhookEndpoint endpoint, SigningSecret secret) {
        return new WebhookEndpointWithSecretResponse(WebhookEndpointResponse.from(endpoint), secret.value());
    }

    @Override
    public String toString() {
        // Never in a log line, whatever logs an answer.
        return "WebhookEndpointWithSecretResponse[id=" + endpoint.id() + ", secret redacted]";
    }
}
