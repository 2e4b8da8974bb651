package dev.orderpay.application.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;

/**
 * The claims this instance took and has not given back, each with the time it runs out, so that a stopping instance
 * can let go of exactly its own: the time is what tells our claim from a later one on the same item.
 *
 * @param <I> the claimed items' id
 */
final class HeldClaims<I> {

    private final Map<I, Instant> heldUntil = new ConcurrentHashMap<>();

    /** Remembers a new claim on these items; claims that ran out by {@code now} are forgotten. */
    void took(Collection<I> items, Instant claimedUntil, Instant now) {
        heldUntil.values().removeIf(until -> !until.isAfter(now));
        items.forEach(item -> heldUntil.put(item, claimedUntil));
    }

    /** The item's claim ended by other means (its outcome was recorded, say). */
    void ended(I item) {
        heldUntil.remove(item);
    }

    /**
     * Hands every claim still held to {@code release}, grouped by the time they run out, and forgets them.
     *
     * @return what {@code release} answered, added up
     */
    int releaseAll(ToIntBiFunction<Collection<I>, Instant> release) {
        Map<Instant, List<I>> byEnd = heldUntil.entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        int released = 0;
        for (Map.Entry<Instant, List<I>> claims : byEnd.entrySet()) {
            claims.getValue().forEach(item -> heldUntil.remove(item, claims.getKey()));
            released += release.applyAsInt(claims.getValue(), claims.getKey());
        }
        return released;
    }
}
