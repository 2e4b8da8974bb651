package dev.orderpay.domain.access;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A managed API key as it is kept: never the key itself, only what names and recognises it and what it may do.
 *
 * @param prefix     the key's first characters, to recognise it by
 * @param lastUsedAt when a request last came with it, to the minute
 * @param revokedAt  when it stopped working, if it has
 */
public record ApiKey(ApiKeyId id, String name, String prefix, Set<Scope> scopes, Instant createdAt,
                     Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key holds at least one scope");
        }
        // In the enum's order wherever it is listed.
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    /** A key just made from {@code plain}, never used, in force. */
    public static ApiKey issue(ApiKeyId id, String name, PlainApiKey plain, Set<Scope> scopes, Instant at) {
        return new ApiKey(id, name, plain.prefix(), scopes, at, Optional.empty(), Optional.empty());
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public boolean holds(Scope scope) {
        return scopes.contains(scope);
    }

    /** The key as it is once a use at {@code at} is noted. */
    public ApiKey withLastUse(Instant at) {
        return new ApiKey(id, name, prefix, scopes, createdAt, Optional.of(at), revokedAt);
    }

    /** The key as it is once revoked at {@code at}; a key revoked before keeps its first time. */
    public ApiKey revoke(Instant at) {
        return isActive() ? new ApiKey(id, name, prefix, scopes, createdAt, lastUsedAt, Optional.of(at)) : this;
    }
}
