package dev.orderpay.adapter.rest.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup.Audience;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One rate limit as this instance enforces it: a token bucket per client (per API key or per address), or one for
 * everybody. Buckets are Bucket4j's local lock-free ones (a compare-and-set per request, no lock, no database). They
 * live in a bounded map, so a flood of addresses cannot exhaust memory; a bucket unused for a whole period is full
 * again, so dropping it then forgets nothing.
 */
final class Policy {

    private final String name;
    private final Audience audience;
    private final Bandwidth bandwidth;
    private final Cache<String, Bucket> buckets;
    private final String header;

    Policy(String name, RateLimit limit, Audience audience, int maxClients) {
        this.name = name;
        this.audience = audience;
        // Greedy: tokens come back continuously (one every period/requests), not all at once at the end of a window.
        this.bandwidth = Bandwidth.builder().capacity(limit.requests())
                .refillGreedy(limit.requests(), limit.period()).build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(audience == Audience.PROVIDER ? 1 : maxClients)
                .expireAfterAccess(limit.period())
                .build();
        this.header = Headers.policy(name, limit);
    }

    String name() {
        return name;
    }

    Audience audience() {
        return audience;
    }

    /** The policy as the RateLimit-Policy header states it. */
    String header() {
        return header;
    }

    /** Takes a token from the client's bucket, if one is left; a policy for everybody ignores the client. */
    ConsumptionProbe take(String client) {
        String key = audience == Audience.PROVIDER ? name : client;
        return buckets.get(key, unknown -> Bucket.builder().addLimit(bandwidth).build())
                .tryConsumeAndReturnRemaining(1);
    }
}
