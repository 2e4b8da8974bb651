package dev.orderpay.adapter.rest.operation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a refund; without an amount, all that was captured and not yet refunded is refunded. */
@Serdeable
record RefundRequest(
        @Schema(description = "In the order's minor units; all that is refundable when missing.", example = "5000")
        @Nullable Long amount,
        @Schema(description = "Passed to the payment provider, 1 to 255 characters", example = "returned goods")
        @Nullable String reason) {
}
