package dev.orderpay.adapter.rest.operation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.operation.OperationItem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One of the order's lines a capture or refund takes, by quantity, amount or both. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OperationItem", description = "A line of the order and how much of it to capture or refund: a"
        + " quantity alone moves its share of the line's amount and VAT, rounded down (the last units left take all"
        + " that is left of the line); an amount moves that much; both move that amount and that quantity.")
record OperationItemBody(
        @JsonProperty("line_id")
        @Schema(nullable = false, name = "line_id", description = "A line_id of the order's items, each line once",
                example = "1", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String lineId,
        @Schema(nullable = false, description = "More than 0, at most 3 decimals, at most what is left of the line",
                example = "1")
        @Nullable BigDecimal quantity,
        @Schema(nullable = false, description = "In minor units, more than 0, at most what is left of the line",
                example = "9900")
        @Nullable Long amount) {

    /** The items as the command takes them; null entries stay, for the command to name. */
    static List<OperationItem> toItems(@Nullable List<OperationItemBody> items) {
        if (items == null) {
            return List.of();
        }
        return items.stream()
                .map(item -> item == null ? null : new OperationItem(item.lineId, Optional.ofNullable(item.quantity),
                        Optional.ofNullable(item.amount)))
                .collect(Collectors.toList());
    }
}
