package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** An event exactly as it was sent, and beside it what became of its webhooks. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "EventWithDeliveries")
record EventDetailResponse(
        @JsonUnwrapped EventResponse event,
        @Schema(requiredMode = REQUIRED, description = "Its webhook deliveries, oldest first: one per endpoint it"
                + " went to, and one per redelivery; empty when it went to no endpoint")
        List<DeliveryResponse> deliveries) {
}
