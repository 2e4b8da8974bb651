package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.domain.PendingOperation;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests with idempotency keys in PostgreSQL, shared by every instance of the service. Each step is its own short
 * transaction, so none is open while the provider is asked. An expired key is taken over by the next claim of it, and
 * deleted in batches by {@link #forgetExpired} otherwise.
 */
@Singleton
class JdbcIdempotentRequests implements IdempotentRequests {

    private final IdempotentRequestRowRepository rows;

    JdbcIdempotentRequests(IdempotentRequestRowRepository rows) {
        this.rows = rows;
    }

    @Override
    @Transactional
    public Claim claim(Request request, Optional<UUID> resource, Instant holdUntil, Instant expiresAt) {
        IdempotencyKey key = request.key();
        UUID holder = UUID.randomUUID();
        if (rows.claim(key.clientId(), key.key(), request.operation().name(), request.target().orElse(null),
                request.fingerprint(), holder, holdUntil, resource.orElse(null), expiresAt) == 1) {
            return new Claimed(new Hold(key, holder));
        }
        // A second statement, not part of the first: only a new snapshot (read committed) is sure to see a claim
        // committed while the insert waited for it. The insert left that row locked until this transaction ends,
        // so it cannot be taken over in between.
        return rows.findEarlier(key.clientId(), key.key()).stream().findFirst()
                .map(IdempotentRequestRowMapper::toEarlier)
                .orElseThrow(() -> new IllegalStateException("a claimed idempotency key vanished"));
    }

    @Override
    @Transactional
    public Optional<TakenOver> takeOver(IdempotencyKey key, Instant holdUntil) {
        UUID holder = UUID.randomUUID();
        if (rows.takeOver(key.clientId(), key.key(), holder, holdUntil) == 0) {
            return Optional.empty();
        }
        return rows.findById(new IdempotentRequestRowId(key.clientId(), key.key()))
                .map(row -> IdempotentRequestRowMapper.toTakenOver(row, new Hold(key, holder)));
    }

    @Override
    public void started(Hold hold, PendingOperation operation) {
        rows.started(hold.key().clientId(), hold.key().key(), hold.token(), operation.type().name(),
                operation.amount().minorUnits(), operation.baseline().minorUnits(), operation.amount().currencyCode(),
                operation.startedAt());
    }

    @Override
    public void answered(Hold hold, RecordedAnswer answer) {
        rows.answered(hold.key().clientId(), hold.key().key(), hold.token(), answer.status(),
                answer.location().orElse(null), answer.body());
    }

    @Override
    public void unsettled(Hold hold) {
        rows.unsettled(hold.key().clientId(), hold.key().key(), hold.token());
    }

    @Override
    public void release(Hold hold) {
        rows.release(hold.key().clientId(), hold.key().key(), hold.token());
    }

    @Override
    public int forgetExpired(int limit) {
        return rows.deleteExpired(limit);
    }
}
