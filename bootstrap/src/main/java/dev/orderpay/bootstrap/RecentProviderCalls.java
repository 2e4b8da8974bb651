package dev.orderpay.bootstrap;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the latest call to the payment provider found, as {@link MeteredPaymentGateway} saw it end, for the health
 * check: a probe reads this and never calls the provider itself. The provider is out from the first call it did not
 * answer ({@code unavailable}, {@code timeout}) until a call is answered again; a refusal or a {@code not_found} is
 * an answer.
 */
@Singleton
class RecentProviderCalls {

    private static final Set<String> UNANSWERED = Set.of("unavailable", "timeout");

    /**
     * @param operation  the last call, as the metrics name it ({@code open_checkout}, {@code fetch_payment}...)
     * @param outcome    how it ended, as the metrics name it ({@code ok}, {@code unavailable}...)
     * @param at         when it ended
     * @param outSince   when the run of unanswered calls it belongs to began, if it was not answered
     */
    record LastCall(String operation, String outcome, Instant at, Optional<Instant> outSince) {
    }

    private final Clock clock;
    private final AtomicReference<LastCall> last = new AtomicReference<>();

    RecentProviderCalls(Clock clock) {
        this.clock = clock;
    }

    void ended(String operation, String outcome) {
        Instant now = clock.instant();
        last.updateAndGet(previous -> new LastCall(operation, outcome, now, UNANSWERED.contains(outcome)
                ? Optional.of(previous == null ? now : previous.outSince().orElse(now))
                : Optional.empty()));
    }

    /** Empty until the first call since the service started. */
    Optional<LastCall> last() {
        return Optional.ofNullable(last.get());
    }
}
