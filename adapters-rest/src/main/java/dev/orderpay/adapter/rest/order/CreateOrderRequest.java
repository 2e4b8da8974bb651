package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import dev.orderpay.application.port.in.order.OrderContentsInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The body of {@code POST /orders}, as sent: every field may be missing, and the command says which are wrong. */
@Serdeable
record CreateOrderRequest(
        // Required here rather than in the class's requiredProperties, which the processor copies onto callback_url.
        @Schema(description = "In the currency's minor units (øre, cents): a positive whole number. Required without"
                + " items; with items it may be left out (it is then their sum) and must otherwise equal their sum.",
                example = "29900")
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
        @Nullable String callbackUrl,
        @Schema(description = "The order's lines, at most 500, each line_id once; their amounts add up to the"
                + " order's amount")
        @Nullable List<LineItemBody> items,
        // Not nullable in the document: the processor would write nullable beside allOf with no type, which OpenAPI 3.0
        // ignores and linters refuse. Nothing more in @Schema on these three: the processor would apply it to their
        // types, shared with the order's answer.
        @Schema(nullable = false) @Nullable CustomerBody customer,
        @JsonProperty("shipping_address") @Schema(nullable = false) @Nullable AddressBody shippingAddress,
        @JsonProperty("billing_address") @Schema(nullable = false) @Nullable AddressBody billingAddress,
        @Schema(description = "The merchant's own keys and values, echoed wherever the order appears and searchable"
                + " with metadata[key]=value: at most 50 keys of 1 to 40 letters, digits, '_', '-' or '.', each"
                + " value 1 to 500 characters", example = "{\"channel\": \"web\"}")
        @Nullable Map<String, String> metadata) {

    CreateOrderCommand toCommand() {
        // A null line stays null, for the command to name its path.
        List<OrderContentsInput.Item> lines = items == null ? null
                : items.stream().map(item -> item == null ? null : item.toInput()).collect(Collectors.toList());
        return CreateOrderCommand.of(amount, currency, receipt, callbackUrl, new OrderContentsInput(lines,
                customer == null ? null : customer.toInput(),
                shippingAddress == null ? null : shippingAddress.toInput(),
                billingAddress == null ? null : billingAddress.toInput(), metadata));
    }
}
