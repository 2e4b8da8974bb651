package dev.orderpay.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long a delivery that could not be made waits before its next attempt: the n-th delay after the n-th failed
 * attempt, each moved by a random amount of at most {@value #JITTER_PERCENT} % either way, so that deliveries that
 * failed together (a receiver that was down) do not all come back at the same moment. After as many retries as
 * there are delays, the delivery is given up. The source of randomness is given: a shared one in the service, a
 * fixed one in tests.
 */
public final class RetrySchedule {

    static final int JITTER_PERCENT = 20;
    private static final double JITTER = JITTER_PERCENT / 100.0;

    private final List<Duration> delays;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> delays, RandomGenerator random) {
        this.delays = List.copyOf(delays);
        this.random = Objects.requireNonNull(random, "random");
        for (Duration delay : this.delays) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("every retry delay must be positive");
            }
        }
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} attempts failed (1 after the first), jittered;
     * empty when no retry is left.
     */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("a retry follows a failed attempt");
        }
        if (failedAttempts > delays.size()) {
            return Optional.empty();
        }
        Duration planned = delays.get(failedAttempts - 1);
        double factor = 1 + random.nextDouble(-JITTER, JITTER);
        return Optional.of(Duration.ofNanos(Math.round(planned.toNanos() * factor)));
    }

    /**
     * The wait a receiver asked for ({@code Retry-After}) where it is longer than {@code scheduled}, but never longer
     * than the schedule's longest delay: a receiver cannot park its deliveries for good.
     */
    public Duration honouring(Duration scheduled, Optional<Duration> retryAfter) {
        Duration longest = delays.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return retryAfter.filter(asked -> asked.compareTo(scheduled) > 0)
                .map(asked -> asked.compareTo(longest) > 0 ? max(scheduled, longest) : asked)
                .orElse(scheduled);
    }

    private static Duration max(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    @Override
    public String toString() {
        return "RetrySchedule" + delays;
    }
}
