package dev.orderpay.application.port.in.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One webhook call of a delivery, as it was recorded.
 *
 * @param number        1 for the first attempt, 2 for the first retry...
 * @param latency       from the start of the call to its answer or failure
 * @param nextAttemptAt when the delivery was to be tried again after this attempt; empty when it was not
 */
public record DeliveryAttempt(int number, Instant at, Duration latency, AttemptResult result,
                              Optional<Instant> nextAttemptAt) {

    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (number < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1");
        }
    }
}
