package dev.orderpay.adapter.rest.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointCommand;
import dev.orderpay.domain.audit.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The body of {@code POST /webhook-endpoints}, as sent: every field may be missing, and the command says which are
 * wrong.
 */
@Serdeable
record CreateWebhookEndpointRequest(
        // Required here rather than in the class's requiredProperties, which the processor copies onto event_types.
        @Schema(description = "Where events are posted: an absolute https URL (http and private addresses only"
                + " outside production), at most 2048 characters", example = "https://shop.example/webhooks",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String url,
        @JsonProperty("event_types")
        @Schema(name = "event_types", description = "The event types to receive, by name; [\"*\"] or left out"
                + " for every type, including types added later",
                example = "[\"order.captured\"]")
        @Nullable List<String> eventTypes,
        @Schema(description = "The merchant's own words for the endpoint, up to 255 characters",
                example = "warehouse system")
        @Nullable String description) {

    CreateWebhookEndpointCommand toCommand(Actor actor) {
        return CreateWebhookEndpointCommand.of(url, eventTypes, description, actor);
    }
}
