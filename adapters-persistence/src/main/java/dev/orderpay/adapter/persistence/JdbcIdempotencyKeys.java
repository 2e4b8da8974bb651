package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.IdempotencyKeys;
import dev.orderpay.domain.OrderId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys in PostgreSQL, shared by every instance of the service. An expired key is taken over by the next
 * claim of it, and deleted in batches by {@link #forgetExpired} otherwise.
 */
@Singleton
class JdbcIdempotencyKeys implements IdempotencyKeys {

    private final IdempotencyKeyRowRepository keys;

    JdbcIdempotencyKeys(IdempotencyKeyRowRepository keys) {
        this.keys = keys;
    }

    @Override
    @Transactional
    public Optional<Claim> claim(String clientId, String key, String fingerprint, OrderId orderId,
                                 Instant expiresAt) {
        UUID claimedFor = orderId.value();
        if (!keys.claim(clientId, key, fingerprint, claimedFor, expiresAt).isEmpty()) {
            return Optional.empty();
        }
        // A second statement, not part of the first: only a new snapshot (read committed) is sure to see a claim
        // committed while the insert waited for it. The insert left that row locked until this transaction ends,
        // so it cannot be taken over in between.
        IdempotencyKeyRow earlier = keys.findById(new IdempotencyKeyRowId(clientId, key))
                .orElseThrow(() -> new IllegalStateException("a claimed idempotency key vanished"));
        return Optional.of(new Claim(earlier.fingerprint(), new OrderId(earlier.orderId())));
    }

    @Override
    @Transactional
    public int forgetExpired(int limit) {
        return keys.deleteExpired(limit);
    }
}
