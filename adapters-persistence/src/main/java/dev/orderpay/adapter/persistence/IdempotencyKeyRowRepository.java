package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotencyKeyRowRepository extends CrudRepository<IdempotencyKeyRow, IdempotencyKeyRowId> {

    // Claims the key if nobody holds it, or takes it over if the holder's claim has expired, and returns the row
    // only then. The primary key makes the insert decide between concurrent claims: a second one waits for the first
    // to commit, then finds the conflict and, the claim being live, neither updates nor returns anything (but locks
    // the row). Expiry is judged by the database's clock, the one every instance shares. The CTE makes the statement
    // a query whose RETURNING row is read back as an entity; a list, because declared Optional the method returned
    // null.
    @Query("""
            WITH claimed AS (
                INSERT INTO idempotency_keys AS held (client_id, key, fingerprint, order_id, expires_at)
                VALUES (:clientId, :key, :fingerprint, :orderId, :expiresAt)
                ON CONFLICT (client_id, key) DO UPDATE
                    SET fingerprint = EXCLUDED.fingerprint, order_id = EXCLUDED.order_id,
                        expires_at = EXCLUDED.expires_at
                    WHERE held.expires_at <= now()
                RETURNING held.*)
            SELECT * FROM claimed""")
    List<IdempotencyKeyRow> claim(String clientId, String key, String fingerprint, UUID orderId, Instant expiresAt);

    // Batched so that a large backlog never holds many row locks at once; expiry by the database's clock, as above.
    @Query("""
            DELETE FROM idempotency_keys WHERE ctid IN (
                SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT :limit)""")
    int deleteExpired(int limit);
}
