package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An event's delivery to one endpoint, or to the callback URL of the event's order, with its attempts: exactly one of
 * {@code endpoint_id} and {@code callback_url} is there.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "EventDelivery", description = "A delivery to a webhook endpoint (endpoint_id) or to the callback URL"
        + " the order was created with (callback_url): exactly one of the two is present.")
record DeliveryResponse(
        @Schema(requiredMode = REQUIRED)
        String id,
        @JsonProperty("endpoint_id") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "endpoint_id", nullable = false,
                description = "The webhook endpoint it went to; absent for a delivery to the order's callback_url")
        @Nullable String endpointId,
        @JsonProperty("callback_url") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "callback_url", nullable = false,
                description = "The order's callback URL it went to; absent for a delivery to an endpoint")
        @Nullable String callbackUrl,
        @Schema(requiredMode = REQUIRED, allowableValues = {"pending", "delivered", "failed"},
                description = "pending: still to be made or tried again; delivered: answered 2xx; failed: given up"
                        + " (a 3xx or 4xx other than 408 and 429, or the last retry failed)")
        String state,
        @JsonProperty("created_at") @Schema(name = "created_at", format = "date-time", requiredMode = REQUIRED,
                description = "With the event, or when a redelivery was asked for")
        String createdAt,
        @JsonProperty("next_attempt_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "next_attempt_at", format = "date-time", nullable = false,
                description = "When it is to be tried (again); only while pending")
        @Nullable String nextAttemptAt,
        @Schema(requiredMode = REQUIRED, description = "Oldest first")
        List<DeliveryAttemptResponse> attempts) {

    static DeliveryResponse from(EventDelivery delivery) {
        return new DeliveryResponse(delivery.id().toString(),
                delivery.endpointId().map(WebhookEndpointId::toString).orElse(null),
                delivery.callbackUrl().map(CallbackUrl::toString).orElse(null),
                delivery.state().name().toLowerCase(Locale.ROOT),
                DateTimeFormatter.ISO_INSTANT.format(delivery.createdAt()),
                delivery.nextAttemptAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null),
                delivery.attempts().stream().map(DeliveryAttemptResponse::from).toList());
    }
}
