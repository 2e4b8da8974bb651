package dev.orderpay.adapter.rest.operation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The body of a refund: the order's lines to refund, or an amount; with neither, all that was captured and not yet
 * refunded is refunded. A line is refunded only as far as it was captured.
 */
@Serdeable
record RefundRequest(
        @Schema(description = "In the order's minor units; all that is refundable when missing. Not with items; on"
                + " an order with lines, only all that is refundable.", example = "5000")
        @Nullable Long amount,
        @Schema(description = "The order's lines to refund, at most 500, each line_id once and no more than was"
                + " captured of it and not yet refunded (none is as if there were no items). Not with amount.")
        @Nullable List<OperationItemBody> items,
        @Schema(description = "Passed to the payment provider, 1 to 255 characters", example = "returned goods")
        @Nullable String reason) {
}
