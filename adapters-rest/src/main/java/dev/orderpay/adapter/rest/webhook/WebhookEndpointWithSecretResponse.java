package dev.orderpay.adapter.rest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The answer to creating an endpoint or rotating its secret, the only two that carry the secret: the endpoint's
 * members as in {@link WebhookEndpointResponse}, and {@code secret}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WebhookEndpointWithSecret")
record WebhookEndpointWithSecretResponse(
        String id,
        String url,
        @JsonProperty("event_types")
        @Schema(name = "event_types", requiredMode = REQUIRED, description = "The event types it receives, by name;"
                + " [\"*\"] for every type, including types added later", example = "[\"order.captured\"]")
        List<String> eventTypes,
        boolean enabled,
        @JsonProperty("created_at") @Schema(name = "created_at", format = "date-time", requiredMode = REQUIRED)
        String createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = false) @Nullable String description,
        @JsonProperty("disabled_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "disabled_reason", nullable = false, description = "Why it receives nothing; only while"
                + " disabled")
        @Nullable String disabledReason,
        @JsonProperty("disabled_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "disabled_at", format = "date-time", nullable = false, description = "Since when; only while"
                + " disabled")
        @Nullable String disabledAt,
        @JsonProperty("previous_secret_expires_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "previous_secret_expires_at", format = "date-time", nullable = false,
                description = "After a rotation: until when the replaced secret signs beside the new one")
        @Nullable String previousSecretExpiresAt,
        @Schema(requiredMode = REQUIRED, description = "The signing secret: keep it, it is never shown again."
                + " Receivers key HMAC-SHA256 with its UTF-8 bytes", example = "whsec_3f9a…")
        String secret) {

    static WebhookEndpointWithSecretResponse from(WebhookEndpoint endpoint, SigningSecret secret) {
        WebhookEndpointResponse shown = WebhookEndpointResponse.from(endpoint);
        return new WebhookEndpointWithSecretResponse(shown.id(), shown.url(), shown.eventTypes(), shown.enabled(),
                shown.createdAt(), shown.description(), shown.disabledReason(), shown.disabledAt(),
                shown.previousSecretExpiresAt(), secret.value());
    }

    @Override
    public String toString() {
        // Never in a log line, whatever logs an answer.
        return "WebhookEndpointWithSecretResponse[id=" + id + ", secret redacted]";
    }
}
