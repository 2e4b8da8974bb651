package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.domain.PendingOperation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@link IdempotentRequests} in a map, for use-case tests, judged by the clock it is given: an expired claim is taken
 * over like an absent one, and a running request whose hold has passed counts as unsettled. Passes
 * {@link IdempotentRequestsContract}.
 */
public class InMemoryIdempotentRequests implements IdempotentRequests {

    private record Stored(Request request, Optional<UUID> resource, Standing state, UUID holder, Instant heldUntil,
                          Optional<PendingOperation> started, Optional<RecordedAnswer> answer, Instant expiresAt) {

        Stored with(Standing newState, Optional<PendingOperation> newStarted, Optional<RecordedAnswer> newAnswer) {
            return new Stored(request, resource, newState, holder, heldUntil, newStarted, newAnswer, expiresAt);
        }
    }

    private final Map<IdempotencyKey, Stored> requests = new HashMap<>();
    private final Clock clock;

    public InMemoryIdempotentRequests(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Claim claim(Request request, Optional<UUID> resource, Instant holdUntil, Instant expiresAt) {
        Stored earlier = requests.get(request.key());
        if (earlier != null && earlier.expiresAt().isAfter(clock.instant())) {
            return new Earlier(earlier.request().operation(), earlier.request().target(),
                    earlier.request().fingerprint(), standing(earlier), earlier.answer());
        }
        UUID holder = UUID.randomUUID();
        requests.put(request.key(), new Stored(request, resource, Standing.RUNNING, holder, holdUntil,
                Optional.empty(), Optional.empty(), expiresAt));
        return new Claimed(new Hold(request.key(), holder));
    }

    @Override
    public synchronized Optional<TakenOver> takeOver(IdempotencyKey key, Instant holdUntil) {
        Stored earlier = requests.get(key);
        if (earlier == null || !earlier.expiresAt().isAfter(clock.instant())
                || standing(earlier) != Standing.UNSETTLED) {
            return Optional.empty();
        }
        UUID holder = UUID.randomUUID();
        requests.put(key, new Stored(earlier.request(), earlier.resource(), Standing.RUNNING, holder, holdUntil,
                earlier.started(), Optional.empty(), earlier.expiresAt()));
        return Optional.of(new TakenOver(new Hold(key, holder), earlier.resource(), earlier.started()));
    }

    @Override
    public void started(Hold hold, PendingOperation operation) {
        whileHeld(hold, stored -> stored.with(Standing.RUNNING, Optional.of(operation), Optional.empty()));
    }

    @Override
    public void answered(Hold hold, RecordedAnswer answer) {
        whileHeld(hold, stored -> stored.with(Standing.ANSWERED, stored.started(), Optional.of(answer)));
    }

    @Override
    public void unsettled(Hold hold) {
        whileHeld(hold, stored -> stored.with(Standing.UNSETTLED, stored.started(), Optional.empty()));
    }

    @Override
    public synchronized void release(Hold hold) {
        if (isHeld(hold)) {
            requests.remove(hold.key());
        }
    }

    @Override
    public synchronized int forgetExpired(int limit) {
        List<IdempotencyKey> expired = requests.entrySet().stream()
                .filter(stored -> !stored.getValue().expiresAt().isAfter(clock.instant()))
                .map(Map.Entry::getKey)
                .limit(limit)
                .toList();
        expired.forEach(requests::remove);
        return expired.size();
    }

    /** A holder may write only while its request runs under its own token; once answered or taken over, never. */
    private synchronized void whileHeld(Hold hold, UnaryOperator<Stored> change) {
        if (isHeld(hold)) {
            requests.put(hold.key(), change.apply(requests.get(hold.key())));
        }
    }

    private boolean isHeld(Hold hold) {
        Stored stored = requests.get(hold.key());
        return stored != null && stored.holder().equals(hold.token()) && stored.state() == Standing.RUNNING;
    }

    private Standing standing(Stored stored) {
        if (stored.state() == Standing.RUNNING && !stored.heldUntil().isAfter(clock.instant())) {
            return Standing.UNSETTLED;
        }
        return stored.state();
    }
}
