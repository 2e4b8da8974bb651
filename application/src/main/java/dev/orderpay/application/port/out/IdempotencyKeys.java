package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderId;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers which order a client's idempotency key created, so a repeated request gets the same order back.
 * Claims are atomic: of two requests with one key, exactly one claims it.
 */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} for {@code orderId} unless it is already claimed and not yet expired.
     *
     * @param fingerprint a digest of the request, to tell a true repeat from a different request with the same key
     * @return empty if this call claimed the key; otherwise the earlier claim
     */
    Optional<Claim> claim(String clientId, String key, String fingerprint, OrderId orderId, Instant expiresAt);

    /**
     * Deletes up to {@code limit} claims that have expired, so keys nobody reuses do not pile up.
     *
     * @return how many were deleted
     */
    int forgetExpired(int limit);

    record Claim(String fingerprint, OrderId orderId) {
    }
}
