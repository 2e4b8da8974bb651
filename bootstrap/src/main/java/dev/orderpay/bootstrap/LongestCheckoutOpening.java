package dev.orderpay.bootstrap;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The longest the provider may take to open a checkout, from its timeouts and retries: for that long a creation
 * holds its order from reconciliation (ADR 9). It counts every call opening a checkout may make, as the provider
 * adapter makes them: an access token, asked for with retries and back-off, once more after one 429 whose
 * {@code Retry-After} is waited out, and perhaps only after waiting for another request's token request that then
 * failed; the session request, never retried; and all of it once more when the provider refused the token (401).
 * Each call is bounded by the connect and the read timeout. The simulator opens a checkout at once, well within
 * this.
 */
@Singleton
class LongestCheckoutOpening {

    /** The database writes before and after the provider call, and instances whose clocks are a little apart. */
    static final Duration SLACK = Duration.ofSeconds(10);

    private final Duration value;

    LongestCheckoutOpening(@Value("${dintero.connect-timeout}") Duration connectTimeout,
                           @Value("${dintero.read-timeout}") Duration readTimeout,
                           @Value("${dintero.retry.attempts:2}") int retries,
                           @Value("${dintero.retry.delay:100ms}") Duration retryDelay,
                           @Value("${dintero.retry.multiplier:2}") double retryMultiplier,
                           @Value("${dintero.retry.jitter:0.25}") double retryJitter,
                           @Value("${dintero.retry.max-retry-after:5s}") Duration longestRetryAfter) {
        Duration call = connectTimeout.plus(readTimeout);
        Duration tokenRequest = call.multipliedBy(1L + retries).plus(backOff(retries, retryDelay, retryMultiplier,
                retryJitter));
        Duration tokenAfterTooManyRequests = tokenRequest.plus(longestRetryAfter).plus(tokenRequest);
        Duration tokenAfterWaitingForAnother = tokenAfterTooManyRequests.multipliedBy(2);
        Duration attempt = tokenAfterWaitingForAnother.plus(call);
        this.value = attempt.multipliedBy(2).plus(SLACK);
    }

    Duration value() {
        return value;
    }

    /** The waits between the retries, each as long as jitter may make it. */
    private static Duration backOff(int retries, Duration delay, double multiplier, double jitter) {
        double millis = 0;
        for (int retry = 0; retry < retries; retry++) {
            millis += delay.toMillis() * Math.pow(multiplier, retry) * (1 + jitter);
        }
        return Duration.ofMillis((long) Math.ceil(millis));
    }
}
