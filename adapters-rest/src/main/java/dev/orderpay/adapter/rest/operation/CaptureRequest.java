package dev.orderpay.adapter.rest.operation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The body of a capture: the order's lines to capture, or an amount; with neither, all that is left of the
 * authorization is captured. On an order with lines, an amount alone must be all that is left.
 */
@Serdeable
record CaptureRequest(
        @Schema(description = "In the order's minor units; all that is left when missing. Not with items; on an"
                + " order with lines, only all that is left.", example = "10000")
        @Nullable Long amount,
        @ArraySchema(arraySchema = @Schema(nullable = false, description = "The order's lines to capture, each once;"
                + " 1 to 500. Not with amount."), maxItems = 500, minItems = 1)
        @Nullable List<OperationItemBody> items) {
}
