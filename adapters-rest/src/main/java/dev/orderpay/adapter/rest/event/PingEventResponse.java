package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The test event an endpoint is sent on demand, as it is posted (signed like every webhook): no order, so neither
 * {@code order_id} nor {@code sequence}. It is never stored and never retried.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "PingEvent")
public record PingEventResponse(
        @Schema(requiredMode = REQUIRED, description = "New for every test; never an event's id")
        String id,
        @Schema(requiredMode = REQUIRED, allowableValues = "ping")
        String type,
        @JsonProperty("created_at") @Schema(name = "created_at", format = "date-time", requiredMode = REQUIRED)
        String createdAt,
        @JsonProperty("api_version") @Schema(name = "api_version", requiredMode = REQUIRED)
        String apiVersion,
        // No @Schema here: one on a member replaces the member type's own, name included.
        Data data) {

    /** What a ping carries: the endpoint it was sent to. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PingEventData")
    public record Data(
            @JsonProperty("endpoint_id") @Schema(name = "endpoint_id", requiredMode = REQUIRED)
            String endpointId) {
    }
}
