package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.access.ApiKeyStore;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.AuditEntry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Managed API keys in PostgreSQL, shared by every instance of the service. */
@Singleton
class JdbcApiKeyStore implements ApiKeyStore {

    private final ApiKeyRowRepository rows;
    private final AuditRowRepository audit;
    private final TransactionOperations<Connection> transactions;

    JdbcApiKeyStore(ApiKeyRowRepository rows, AuditRowRepository audit,
                    TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public void add(ApiKey key, ApiKeyDigest digest, Optional<AuditEntry> entry) {
        ApiKeyRow row = ApiKeyRowMapper.toRow(key, digest);
        if (entry.isEmpty()) {
            rows.save(row);
            return;
        }
        transactions.executeWrite(transaction -> {
            rows.save(row);
            audit.save(AuditRowMapper.toRow(entry.get()));
            return null;
        });
    }

    @Override
    public Optional<ApiKey> findByDigest(ApiKeyDigest digest) {
        return rows.findByDigest(digest.bytes()).map(ApiKeyRowMapper::toKey);
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return rows.findById(id.value()).map(ApiKeyRowMapper::toKey);
    }

    @Override
    public List<ApiKey> findAll() {
        return rows.findOldestFirst().stream().map(ApiKeyRowMapper::toKey).toList();
    }

    @Override
    public Revocation revoke(ApiKeyId id, Instant at, boolean keepOneKeyManager, Optional<AuditEntry> entry) {
        return transactions.executeWrite(transaction -> {
            if (keepOneKeyManager) {
                // Two revocations counting side by side would each see the other's key in force and take the last
                // two together; authentications, which only read, go on.
                TableLocks.lockAgainstOtherWriters(transaction.getConnection(), "api_keys");
            }
            Optional<ApiKey> found = rows.findById(id.value()).map(ApiKeyRowMapper::toKey);
            if (found.isEmpty()) {
                return Revocation.NOT_FOUND;
            }
            ApiKey key = found.get();
            if (!key.isActive()) {
                return Revocation.ALREADY_REVOKED;
            }
            if (keepOneKeyManager && key.holds(Scope.KEYS_MANAGE) && rows.countOthersInForceHolding(id.value(),
                    Scope.KEYS_MANAGE.wireName()) == 0) {
                return Revocation.LAST_KEY_MANAGER;
            }
            if (rows.revokeIfActive(id.value(), at) != 1) {
                return Revocation.ALREADY_REVOKED;
            }
            entry.ifPresent(asked -> audit.save(AuditRowMapper.toRow(asked)));
            return Revocation.REVOKED;
        });
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at, Duration granularity) {
        rows.recordUse(id.value(), at, at.minus(granularity));
    }
}
