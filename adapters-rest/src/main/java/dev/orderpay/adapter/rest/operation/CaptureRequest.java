package dev.orderpay.adapter.rest.operation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
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
        @Schema(description = "The order's lines to capture, at most 500, each line_id once (none is as if there"
                + " were no items). Not with amount.")
        @Nullable List<OperationItemBody> items) {
}
