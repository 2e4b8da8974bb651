package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.event.AttemptResult;

import java.time.Duration;
import java.util.Objects;

/**
 * What came of pinging an endpoint.
 *
 * @param payload the ping exactly as it was sent
 * @param result  the receiver's answer, or why there was none
 */
public record PingResult(String payload, AttemptResult result, Duration latency) {

    public PingResult {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(latency, "latency");
    }
}
