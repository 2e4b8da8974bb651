package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * The body of a refund: the amount in minor units (a 32-bit integer to Dintero), why, if the merchant said, this
 * service's reference for it, and the lines it gives back for a refund by line, as {@link DinteroCaptureRequest}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record DinteroRefundRequest(int amount, @Nullable String reason, String refundReference,
                            @Nullable List<DinteroOperationItem> items) {
}
