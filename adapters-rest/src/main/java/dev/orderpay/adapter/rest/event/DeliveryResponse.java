package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.event.EventDelivery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** An event's delivery to one endpoint, with its attempts. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "EventDelivery")
record DeliveryResponse(
        @Schema(requiredMode = REQUIRED)
        String id,
        @JsonProperty("endpoint_id") @Schema(name = "endpoint_id", requiredMode = REQUIRED)
        String endpointId,
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
        return new DeliveryResponse(delivery.id().toString(), delivery.endpointId().toString(),
                delivery.state().name().toLowerCase(Locale.ROOT),
                DateTimeFormatter.ISO_INSTANT.format(delivery.createdAt()),
                delivery.nextAttemptAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null),
                delivery.attempts().stream().map(DeliveryAttemptResponse::from).toList());
    }
}
