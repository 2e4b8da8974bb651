package dev.orderpay.adapter.rest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.webhook.WebhookEventTypes;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A webhook endpoint as merchants see it. Its secret is never part of it: only the answers to creating the endpoint
 * and to rotating its secret carry it. The optional members are left out when they have no value.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WebhookEndpoint")
record WebhookEndpointResponse(
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
                description = "After a rotation: until when the replaced secret signs beside the current one")
        @Nullable String previousSecretExpiresAt) {

    static WebhookEndpointResponse from(WebhookEndpoint endpoint) {
        WebhookEndpoint.Disabled disabled = endpoint.disabled().orElse(null);
        return new WebhookEndpointResponse(endpoint.id().toString(), endpoint.url().toString(),
                WebhookEventTypes.names(endpoint.events()), endpoint.enabled(), instant(endpoint.createdAt()),
                endpoint.description().orElse(null),
                disabled == null ? null : disabled.reason(),
                disabled == null ? null : instant(disabled.since()),
                endpoint.previousSecret().map(previous -> instant(previous.signsUntil())).orElse(null));
    }

    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
