package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import dev.orderpay.application.port.in.order.OrderContentsInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /orders}, as sent: every field may be missing, and the command says which are wrong. */
@Serdeable
record CreateOrderRequest(
        // Required here rather than in the class's requiredProperties, which the processor copies onto callback_url.
        @Schema(description = "In the currency's minor units (øre, cents): a positive whole number.", example = "29900",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Long amount,
        @Schema(description = "ISO 4217 code", example = "NOK", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String currency,
        @Schema(description = "The merchant's reference, 1 to 255 characters", example = "receipt#1",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String receipt,
        @JsonProperty("callback_url")
        @Schema(name = "callback_url", description = "Where this order's events are also posted, signed with the"
                + " service's callback signing secret: an absolute https URL (at most 2048 characters) the service"
                + " may reach. Refused when the service has no callback signing secret.",
                example = "https://shop.example/orderpay/callback")
        @Nullable String callbackUrl) {

    CreateOrderCommand toCommand() {
        return CreateOrderCommand.of(amount, currency, receipt, callbackUrl, OrderContentsInput.NONE);
    }
}
