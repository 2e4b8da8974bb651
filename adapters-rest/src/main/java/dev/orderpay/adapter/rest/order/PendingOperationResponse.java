package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.domain.PendingOperation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.format.DateTimeFormatter;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A capture, refund or cancellation the provider accepted and has not yet carried out; a cancel has no amount. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PendingOperationResponse(@Schema(requiredMode = REQUIRED, allowableValues = {"CAPTURE", "REFUND", "CANCEL"})
                                String type,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                @Schema(description = "In the order's minor units; a cancel has none", nullable = false)
                                @Nullable Long amount,
                                @JsonProperty("started_at")
                                @Schema(name = "started_at", format = "date-time", requiredMode = REQUIRED, nullable = false)
                                String startedAt) {

    static PendingOperationResponse from(PendingOperation operation) {
        Long amount = operation.type() == PendingOperation.Type.CANCEL ? null : operation.amount().minorUnits();
        return new PendingOperationResponse(operation.type().name(), amount,
                DateTimeFormatter.ISO_INSTANT.format(operation.startedAt()));
    }
}
