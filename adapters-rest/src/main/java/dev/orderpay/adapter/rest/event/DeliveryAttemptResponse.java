package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.event.DeliveryAttempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.format.DateTimeFormatter;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** One webhook call of a delivery: the receiver's status (and the start of its answer), or why there was none. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "DeliveryAttempt")
record DeliveryAttemptResponse(
        @Schema(requiredMode = REQUIRED, description = "1 for the first attempt, 2 for the first retry...")
        int number,
        @JsonProperty("attempted_at") @Schema(name = "attempted_at", format = "date-time", requiredMode = REQUIRED)
        String attemptedAt,
        @JsonProperty("status_code") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "status_code", nullable = false, description = "The receiver's answer; absent when it gave"
                + " none")
        @Nullable Integer statusCode,
        @JsonProperty("response_excerpt") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "response_excerpt", nullable = false, description = "The start of the receiver's answer,"
                + " at most 200 characters; absent when it gave none")
        @Nullable String responseExcerpt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = false, description = "Why there was no answer, such as \"could not connect: Connection"
                + " refused\"; absent when there was one", example = "no answer within 10s")
        @Nullable String error,
        @JsonProperty("latency_ms") @Schema(name = "latency_ms", requiredMode = REQUIRED,
                description = "From the start of the call to its answer or failure, in milliseconds")
        long latencyMs,
        @JsonProperty("next_attempt_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "next_attempt_at", format = "date-time", nullable = false,
                description = "When the delivery was to be tried again after this attempt; absent when it was not")
        @Nullable String nextAttemptAt) {

    static DeliveryAttemptResponse from(DeliveryAttempt attempt) {
        Integer statusCode = null;
        String excerpt = null;
        String error = null;
        // Java 17 has no pattern switch; the result is sealed, so these two are all there are.
        if (attempt.result() instanceof AttemptResult.Answered answered) {
            statusCode = answered.statusCode();
            excerpt = answered.bodyExcerpt();
        } else {
            error = ((AttemptResult.NotAnswered) attempt.result()).error();
        }
        return new DeliveryAttemptResponse(attempt.number(), DateTimeFormatter.ISO_INSTANT.format(attempt.at()),
                statusCode, excerpt, error, attempt.latency().toMillis(),
                attempt.nextAttemptAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null));
    }
}
