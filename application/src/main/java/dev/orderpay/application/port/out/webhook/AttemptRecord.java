package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.domain.webhook.DeliveryState;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt to record, with what it makes of its delivery. The attempt's number is the storage's to give: one more
 * than the attempts recorded before.
 *
 * @param stateAfter    {@link DeliveryState#DELIVERED} exactly when the endpoint answered {@code 2xx}
 * @param nextAttemptAt when to try again: present exactly when the delivery stays pending
 */
public record AttemptRecord(Instant at, Duration latency, AttemptResult result, DeliveryState stateAfter,
                            Optional<Instant> nextAttemptAt) {

    public AttemptRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(stateAfter, "stateAfter");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (nextAttemptAt.isPresent() != (stateAfter == DeliveryState.PENDING)) {
            throw new IllegalArgumentException("a delivery has a next attempt exactly while it stays pending");
        }
        boolean answeredWithSuccess = result instanceof AttemptResult.Answered answered && answered.isSuccess();
        if (answeredWithSuccess != (stateAfter == DeliveryState.DELIVERED)) {
            throw new IllegalArgumentException("a delivery is delivered exactly when it was answered with 2xx");
        }
    }

    public boolean succeeded() {
        return stateAfter == DeliveryState.DELIVERED;
    }
}
