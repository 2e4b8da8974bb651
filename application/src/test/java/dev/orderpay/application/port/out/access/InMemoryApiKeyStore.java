package dev.orderpay.application.port.out.access;

import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.AuditEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Managed API keys in memory, for tests; every method is atomic, as the database's are. */
public class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
    private final Map<ApiKeyDigest, ApiKeyId> byDigest = new LinkedHashMap<>();
    private final InMemoryAuditLog auditLog;

    public InMemoryApiKeyStore() {
        this(new InMemoryAuditLog());
    }

    /** Records the audit entries of its changes in {@code auditLog}. */
    public InMemoryApiKeyStore(InMemoryAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public synchronized void add(ApiKey key, ApiKeyDigest digest, Optional<AuditEntry> audit) {
        if (keys.containsKey(key.id()) || byDigest.containsKey(digest)) {
            throw new IllegalStateException("an API key with this id or digest is stored already");
        }
        keys.put(key.id(), key);
        byDigest.put(digest, key.id());
        audit.ifPresent(auditLog::record);
    }

    /** Final, so that a test's subclass changes the one method every addition goes through. */
    @Override
    public final void add(ApiKey key, ApiKeyDigest digest) {
        add(key, digest, Optional.empty());
    }

    @Override
    public synchronized Optional<ApiKey> findByDigest(ApiKeyDigest digest) {
        return Optional.ofNullable(byDigest.get(digest)).map(keys::get);
    }

    @Override
    public synchronized Optional<ApiKey> findById(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public synchronized List<ApiKey> findAll() {
        List<ApiKey> all = new ArrayList<>(keys.values());
        all.sort(Comparator.comparing(ApiKey::createdAt).thenComparing(key -> key.id().value()));
        return all;
    }

    @Override
    public synchronized Revocation revoke(ApiKeyId id, Instant at, boolean keepOneKeyManager,
                                         Optional<AuditEntry> audit) {
        ApiKey key = keys.get(id);
        if (key == null) {
            return Revocation.NOT_FOUND;
        }
        if (!key.isActive()) {
            return Revocation.ALREADY_REVOKED;
        }
        if (keepOneKeyManager && key.holds(Scope.KEYS_MANAGE) && keys.values().stream()
                .noneMatch(other -> !other.id().equals(id) && other.isActive() && other.holds(Scope.KEYS_MANAGE))) {
            return Revocation.LAST_KEY_MANAGER;
        }
        keys.put(id, key.revoke(at));
        audit.ifPresent(auditLog::record);
        return Revocation.REVOKED;
    }

    /** Final, so that a test's subclass changes the one method every revocation goes through. */
    @Override
    public final Revocation revoke(ApiKeyId id, Instant at, boolean keepOneKeyManager) {
        return revoke(id, at, keepOneKeyManager, Optional.empty());
    }

    @Override
    public synchronized void recordUse(ApiKeyId id, Instant at, Duration granularity) {
        ApiKey key = keys.get(id);
        if (key == null || key.lastUsedAt().filter(last -> last.plus(granularity).isAfter(at)).isPresent()) {
            return;
        }
        keys.put(id, key.withLastUse(at));
    }
}
