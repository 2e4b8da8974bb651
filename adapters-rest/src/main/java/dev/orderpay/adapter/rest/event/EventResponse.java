package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.adapter.rest.order.OrderResponse;
import dev.orderpay.adapter.rest.order.PendingOperationResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An event as merchants receive it in a webhook and read it from the events API: rendered once, when the change it
 * reports was recorded, and stored as it was sent.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Event")
public record EventResponse(
        @Schema(requiredMode = REQUIRED, description = "Stable: a receiver that sees it twice has a repeat")
        String id,
        @Schema(requiredMode = REQUIRED, description = "Such as order.authorized; docs/webhooks.md lists them")
        String type,
        @JsonProperty("created_at") @Schema(name = "created_at", format = "date-time", requiredMode = REQUIRED)
        String createdAt,
        @JsonProperty("api_version") @Schema(name = "api_version", requiredMode = REQUIRED,
                description = "The version of the API the payload was rendered in")
        String apiVersion,
        @JsonProperty("order_id") @Schema(name = "order_id", requiredMode = REQUIRED)
        String orderId,
        @Schema(requiredMode = REQUIRED, description = "The event's place among its order's events: 1, 2, 3...")
        long sequence,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = false, description = "Only in operation.failed: the capture, refund or cancel that failed")
        @Nullable PendingOperationResponse operation,
        @JsonProperty("data_complete")
        @Schema(name = "data_complete", requiredMode = REQUIRED, description = "false when the order was too large"
                + " for the bound on webhook payloads: data then leaves out its free-size parts (receipt, items,"
                + " customer, customer_email, addresses, metadata) and links to the whole order with rel self; fetch it with GET /orders/{id}")
        boolean dataComplete,
        @Schema(requiredMode = REQUIRED, description = "The order as GET /orders/{id} showed it when the event"
                + " happened; without its free-size parts when data_complete is false")
        OrderResponse data) {
}
