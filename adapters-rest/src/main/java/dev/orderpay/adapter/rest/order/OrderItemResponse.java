package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.LineLedger;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One line as the order shows it: the line as the merchant gave it and what captures and refunds by line have moved
 * of it so far; amounts in the currency's minor units.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OrderItem")
record OrderItemResponse(
        @JsonProperty("line_id") @Schema(name = "line_id", requiredMode = REQUIRED, example = "1") String lineId,
        @Schema(requiredMode = REQUIRED, example = "Wool socks") String description,
        @Schema(requiredMode = REQUIRED, example = "2") BigDecimal quantity,
        @Schema(requiredMode = REQUIRED, description = "The line's total, VAT included", example = "19800")
        long amount,
        @Schema(requiredMode = REQUIRED, description = "VAT rate in percent", example = "25") BigDecimal vat,
        @JsonProperty("vat_amount")
        @Schema(name = "vat_amount", requiredMode = REQUIRED, description = "The VAT in the line's amount",
                example = "3960")
        long vatAmount,
        @Schema(nullable = false, description = "Only when the line has one", example = "SOCK-42")
        @Nullable String sku,
        @JsonProperty("captured_quantity")
        @Schema(name = "captured_quantity", requiredMode = REQUIRED, description = "How many units of it were"
                + " captured by line (0 when only amounts were)", example = "1")
        BigDecimal capturedQuantity,
        @JsonProperty("captured_amount")
        @Schema(name = "captured_amount", requiredMode = REQUIRED, description = "How much of it was captured by line",
                example = "9900")
        long capturedAmount,
        @JsonProperty("refunded_quantity")
        @Schema(name = "refunded_quantity", requiredMode = REQUIRED, description = "How many of the captured units"
                + " were refunded by line", example = "0")
        BigDecimal refundedQuantity,
        @JsonProperty("refunded_amount")
        @Schema(name = "refunded_amount", requiredMode = REQUIRED, description = "How much of what was captured of it"
                + " was refunded by line", example = "0")
        long refundedAmount) {

    static OrderItemResponse from(LineLedger ledger) {
        LineItem line = ledger.line();
        return new OrderItemResponse(line.lineId(), line.description(), line.quantity(), line.amount().minorUnits(),
                line.vat(), line.vatAmount().minorUnits(), line.sku().orElse(null), ledger.captured().quantity(),
                ledger.captured().amount().minorUnits(), ledger.refunded().quantity(),
                ledger.refunded().amount().minorUnits());
    }
}
