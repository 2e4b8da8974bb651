package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderId;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdempotencyKeys} in a map, for use-case tests; an expired claim is taken over like an absent one. Passes
 * {@link IdempotencyKeysContract}.
 */
public class InMemoryIdempotencyKeys implements IdempotencyKeys {

    private record Stored(Claim claim, Instant expiresAt) {
    }

    private final Map<String, Stored> claims = new HashMap<>();
    private final Clock clock;

    public InMemoryIdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Claim> claim(String clientId, String key, String fingerprint, OrderId orderId,
                                              Instant expiresAt) {
        String scopedKey = clientId + "\n" + key;
        Stored earlier = claims.get(scopedKey);
        if (earlier != null && earlier.expiresAt().isAfter(clock.instant())) {
            return Optional.of(earlier.claim());
        }
        claims.put(scopedKey, new Stored(new Claim(fingerprint, orderId), expiresAt));
        return Optional.empty();
    }

    @Override
    public synchronized int forgetExpired(int limit) {
        List<String> expired = claims.entrySet().stream()
                .filter(claim -> !claim.getValue().expiresAt().isAfter(clock.instant()))
                .map(Map.Entry::getKey)
                .limit(limit)
                .toList();
        expired.forEach(claims::remove);
        return expired.size();
    }
}
