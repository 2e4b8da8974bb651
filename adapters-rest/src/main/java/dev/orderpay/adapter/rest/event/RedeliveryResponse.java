package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The deliveries a redelivery made, due at once. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Redelivery")
record RedeliveryResponse(
        @Schema(requiredMode = REQUIRED, description = "One per endpoint; empty when no enabled endpoint receives"
                + " the event's type")
        List<DeliveryResponse> deliveries) {
}
