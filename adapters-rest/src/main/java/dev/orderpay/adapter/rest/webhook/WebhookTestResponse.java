package dev.orderpay.adapter.rest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.adapter.rest.event.PingEventResponse;
import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.webhook.PingResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** What came of an endpoint's test: the ping sent, and the receiver's answer or why there was none. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WebhookTestResult")
record WebhookTestResponse(
        @Schema(requiredMode = REQUIRED, description = "Whether the endpoint answered 2xx, as a delivery needs")
        boolean delivered,
        @JsonProperty("status_code") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "status_code", nullable = false, description = "The endpoint's answer; absent when it gave"
                + " none")
        @Nullable Integer statusCode,
        @JsonProperty("response_excerpt") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "response_excerpt", nullable = false, description = "The start of its answer, at most 200"
                + " characters; absent when it gave none")
        @Nullable String responseExcerpt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = false, description = "Why there was no answer; absent when there was one",
                example = "could not connect: Connection refused")
        @Nullable String error,
        @JsonProperty("latency_ms") @Schema(name = "latency_ms", requiredMode = REQUIRED,
                description = "From the start of the call to its answer or failure, in milliseconds")
        long latencyMs,
        // The ping exactly as it was posted. No @Schema here: one on a member replaces the member type's own.
        PingEventResponse event) {

    static WebhookTestResponse from(PingResult result, PingEventResponse sent) {
        long latency = result.latency().toMillis();
        // Java 17 has no pattern switch; the result is sealed, so these two are all there are.
        if (result.result() instanceof AttemptResult.Answered answered) {
            return new WebhookTestResponse(answered.isSuccess(), answered.statusCode(), answered.bodyExcerpt(), null,
                    latency, sent);
        }
        return new WebhookTestResponse(false, null, null, ((AttemptResult.NotAnswered) result.result()).error(),
                latency, sent);
    }
}
