package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of a refund: the amount in minor units (a 32-bit integer to Dintero), why, if the merchant said, and
 * this service's reference for it. No {@code items}, for the reason given on {@link DinteroCaptureRequest}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record DinteroRefundRequest(int amount, @Nullable String reason, String refundReference) {
}
