package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiKeyRowRepository extends CrudRepository<ApiKeyRow, UUID> {

    // By the unique index on digest: the digest of a 256-bit random key tells nothing about the key.
    @Query("SELECT * FROM api_keys WHERE digest = :digest")
    Optional<ApiKeyRow> findByDigest(byte[] digest);

    @Query("SELECT * FROM api_keys ORDER BY created_at, id")
    List<ApiKeyRow> findOldestFirst();

    @Query("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL AND id <> :id AND :scope = ANY (scopes)")
    long countOthersInForceHolding(UUID id, String scope);

    @Query("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revokeIfActive(UUID id, Instant at);

    // The condition, not the caller, keeps writes to one per granularity when several instances note uses at once.
    @Query("""
            UPDATE api_keys SET last_used_at = :at
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at <= :notAfter)""")
    int recordUse(UUID id, Instant at, Instant notAfter);
}
