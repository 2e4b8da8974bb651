package dev.orderpay.adapter.rest.operation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a capture; without an amount, all that is left of the authorization is captured. */
@Serdeable
record CaptureRequest(
        @Schema(description = "In the order's minor units; all that is left when missing.", example = "10000")
        @Nullable Long amount) {
}
