package dev.orderpay.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.domain.PendingOperation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.format.DateTimeFormatter;

/** A capture, refund or cancellation the provider accepted and has not yet carried out; a cancel has no amount. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PendingOperation")
record PendingOperationResponse(@Schema(allowableValues = {"CAPTURE", "REFUND", "CANCEL"}) String type,
                                @Schema(description = "In the order's minor units") @Nullable Long amount,
                                @JsonProperty("started_at") @Schema(name = "started_at", format = "date-time")
                                String startedAt) {

    static PendingOperationResponse from(PendingOperation operation) {
        Long amount = operation.type() == PendingOperation.Type.CANCEL ? null : operation.amountMinorUnits();
        return new PendingOperationResponse(operation.type().name(), amount,
                DateTimeFormatter.ISO_INSTANT.format(operation.startedAt()));
    }
}
