package dev.orderpay.adapter.rest.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.webhook.UpdateWebhookEndpointCommand;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The body of {@code PATCH /webhook-endpoints/{id}}: only the fields sent change. */
@Serdeable
record UpdateWebhookEndpointRequest(
        @Schema(description = "false stops deliveries; true resumes them and clears disabled_reason")
        @Nullable Boolean enabled,
        @JsonProperty("event_types")
        @Schema(name = "event_types", description = "Replaces the event types; [\"*\"] for every type",
                example = "[\"order.captured\"]")
        @Nullable List<String> eventTypes,
        @Schema(description = "Replaces the description, up to 255 characters; \"\" removes it")
        @Nullable String description,
        @Schema(description = "Moves the endpoint, under the same rules as on creation")
        @Nullable String url) {

    UpdateWebhookEndpointCommand toCommand(WebhookEndpointId id, Actor actor) {
        return UpdateWebhookEndpointCommand.of(id, enabled, eventTypes, description, url, actor);
    }
}
