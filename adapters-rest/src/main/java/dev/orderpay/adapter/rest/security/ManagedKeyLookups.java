package dev.orderpay.adapter.rest.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orderpay.application.port.in.access.AuthenticateApiKeyUseCase;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * What this instance last read about each managed key presented to it, unknown keys included, kept for
 * {@code orderpay.auth.key-cache-ttl}: a busy key costs one read per period, not one per request, and a key revoked
 * on any instance stops working here once the period has passed. Reads run on the blocking executor, never on the
 * event loop.
 */
@Singleton
@Requires(property = ApiKeys.AUTH_ENABLED, notEquals = "false")
class ManagedKeyLookups {

    static final String CACHE_TTL = "orderpay.auth.key-cache-ttl";
    // The service promises that a revoked key stops working everywhere within five seconds.
    private static final Duration LONGEST_TTL = Duration.ofSeconds(5);
    // Each entry is a digest and a key's few fields; this many is a few MB at most.
    private static final long MAX_ENTRIES = 10_000;

    private final AuthenticateApiKeyUseCase keys;
    private final Scheduler blocking;
    private final Cache<ApiKeyDigest, Optional<ApiKey>> recent;

    ManagedKeyLookups(AuthenticateApiKeyUseCase keys, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                      @Value("${" + CACHE_TTL + ":2s}") Duration ttl) {
        if (ttl.isNegative() || ttl.compareTo(LONGEST_TTL) > 0) {
            throw new ConfigurationException(CACHE_TTL + " must be between 0s and " + LONGEST_TTL.toSeconds()
                    + "s: it is how long a revoked key may keep working");
        }
        this.keys = keys;
        this.blocking = Schedulers.fromExecutorService(blocking);
        this.recent = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_ENTRIES).build();
    }

    /** The managed key in force with this digest, if there is one. */
    Mono<ApiKey> inForce(ApiKeyDigest digest) {
        Optional<ApiKey> known = recent.getIfPresent(digest);
        if (known != null) {
            return Mono.justOrEmpty(known);
        }
        return Mono.fromCallable(() -> recent.get(digest, keys::authenticate))
                .subscribeOn(blocking)
                .flatMap(Mono::justOrEmpty);
    }
}
