package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.domain.PendingOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts the repeats of answered requests that an idempotency key answered with the recorded answer
 * ({@code orderpay_idempotent_replays}, by operation): a claim that finds an answered request the repeat matches is
 * exactly such a replay.
 */
final class CountedReplays implements IdempotentRequests {

    static final String REPLAYS = "orderpay.idempotent.replays";

    private final IdempotentRequests requests;
    private final MeterRegistry registry;

    CountedReplays(IdempotentRequests requests, MeterRegistry registry) {
        this.requests = requests;
        this.registry = registry;
    }

    @Override
    public Claim claim(Request request, Optional<UUID> resource, Instant holdUntil, Instant expiresAt) {
        Claim claim = requests.claim(request, resource, holdUntil, expiresAt);
        if (claim instanceof Earlier earlier && earlier.standing() == Standing.ANSWERED
                && earlier.isRepeatedBy(request)) {
            Counter.builder(REPLAYS)
                    .description("Requests answered with the answer an earlier request with the same"
                            + " Idempotency-Key was given")
                    .tag("operation", request.operation().name().toLowerCase(Locale.ROOT))
                    .register(registry)
                    .increment();
        }
        return claim;
    }

    @Override
    public Optional<TakenOver> takeOver(IdempotencyKey key, Instant holdUntil) {
        return requests.takeOver(key, holdUntil);
    }

    @Override
    public void started(Hold hold, PendingOperation operation) {
        requests.started(hold, operation);
    }

    @Override
    public void answered(Hold hold, RecordedAnswer answer) {
        requests.answered(hold, answer);
    }

    @Override
    public void unsettled(Hold hold) {
        requests.unsettled(hold);
    }

    @Override
    public void release(Hold hold) {
        requests.release(hold);
    }

    @Override
    public int forgetExpired(int limit) {
        return requests.forgetExpired(limit);
    }
}
