package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of a redelivery: the one endpoint to deliver to. */
@Serdeable
record RedeliverRequest(
        @JsonProperty("endpoint_id")
        @Schema(name = "endpoint_id", description = "Deliver to this endpoint only, whatever event types it"
                + " receives; without it, to every enabled endpoint that receives the event's type and to the"
                + " callback_url of the event's order, when it has one")
        @Nullable String endpointId) {
}
