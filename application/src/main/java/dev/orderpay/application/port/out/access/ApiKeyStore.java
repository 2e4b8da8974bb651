package dev.orderpay.application.port.out.access;

import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.audit.AuditEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where managed API keys are kept, shared by every instance of the service: never the keys themselves, only their
 * digests. Each call is atomic on its own.
 */
public interface ApiKeyStore {

    /**
     * Stores a new key under the digest of its plain form, with the audit entry of the request that asked, in one
     * transaction; digests are unique.
     */
    void add(ApiKey key, ApiKeyDigest digest, Optional<AuditEntry> audit);

    /** {@link #add(ApiKey, ApiKeyDigest, Optional)} with nothing to audit. */
    default void add(ApiKey key, ApiKeyDigest digest) {
        add(key, digest, Optional.empty());
    }

    /** The key, revoked or not, whose plain form has this digest. */
    Optional<ApiKey> findByDigest(ApiKeyDigest digest);

    Optional<ApiKey> findById(ApiKeyId id);

    /** Every key, revoked ones included, oldest first. */
    List<ApiKey> findAll();

    /**
     * Revokes a key in force. With {@code keepOneKeyManager}, a key holding {@code keys:manage} is revoked only while
     * another key in force holds it too; concurrent revocations never take the last two together. The audit entry of
     * the request that asked is stored in the revocation's transaction, only when it revokes the key now.
     */
    Revocation revoke(ApiKeyId id, Instant at, boolean keepOneKeyManager, Optional<AuditEntry> audit);

    /** {@link #revoke(ApiKeyId, Instant, boolean, Optional)} with nothing to audit. */
    default Revocation revoke(ApiKeyId id, Instant at, boolean keepOneKeyManager) {
        return revoke(id, at, keepOneKeyManager, Optional.empty());
    }

    /**
     * Notes that the key was used at {@code at}, unless its last use noted is less than {@code granularity} before:
     * a busy key is written once per {@code granularity}, not on every request, whichever instance serves them.
     */
    void recordUse(ApiKeyId id, Instant at, Duration granularity);

    /** How a revocation ended. */
    enum Revocation {
        REVOKED,
        /** Revoked before; its first revocation time stays. */
        ALREADY_REVOKED,
        NOT_FOUND,
        /** Not revoked: no other key in force holds {@code keys:manage}. */
        LAST_KEY_MANAGER
    }
}
