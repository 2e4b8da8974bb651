package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.order.OrderContentsInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

/** One order line as a merchant sends it; amounts in the currency's minor units. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LineItem")
record LineItemBody(
        @JsonProperty("line_id")
        @Schema(nullable = false, name = "line_id", description = "Unique in the order, 1 to 100 characters",
                example = "1",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String lineId,
        @Schema(nullable = false, description = "1 to 500 characters", example = "Wool socks",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String description,
        @Schema(nullable = false, description = "More than 0, at most 3 decimals", example = "2",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable BigDecimal quantity,
        @Schema(nullable = false, description = "The line's total, VAT included, in minor units", example = "19800",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Long amount,
        @Schema(nullable = false, description = "VAT rate in percent, 0 to 100, at most 2 decimals", example = "25",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable BigDecimal vat,
        @JsonProperty("vat_amount")
        @Schema(nullable = false, name = "vat_amount", description = "The VAT in the line's amount, in minor units",
                example = "3960",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Long vatAmount,
        @Schema(nullable = false, description = "1 to 100 characters", example = "SOCK-42") @Nullable String sku) {

    OrderContentsInput.Item toInput() {
        return new OrderContentsInput.Item(lineId, description, quantity, amount, vat, vatAmount, sku);
    }
}
