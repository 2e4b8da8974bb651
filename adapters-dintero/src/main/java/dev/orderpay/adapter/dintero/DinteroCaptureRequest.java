package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * The body of a capture: the amount in minor units (a 32-bit integer to Dintero), this service's reference for it,
 * and, for a capture by line, the lines it takes ({@code items}, which Dintero applies the capture to; Instabank
 * requires them). A capture by amount alone sends no {@code items}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record DinteroCaptureRequest(int amount, String captureReference, @Nullable List<DinteroOperationItem> items) {
}
