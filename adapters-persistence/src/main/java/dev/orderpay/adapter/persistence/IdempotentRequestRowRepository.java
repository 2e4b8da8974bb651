package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Each statement is one short step of a request's life, and each holder's write names the holder, so that one taken
 * over writes nothing. Expiry and holds are judged by the database's clock, the one every instance shares.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotentRequestRowRepository extends CrudRepository<IdempotentRequestRow, IdempotentRequestRowId> {

    // Claims the key if nobody holds it, or takes it over if the holder's claim has expired; 1 only then. The primary
    // key makes the insert decide between concurrent claims: a second one waits for the first to commit, then finds
    // the conflict and, the claim being live, neither updates nor counts anything (but locks the row).
    @Query("""
            INSERT INTO idempotent_requests AS held (client_id, key, operation, target, fingerprint, state, holder,
                                                     held_until, resource_id, expires_at)
            VALUES (:clientId, :key, :operation, :target, :fingerprint, 'RUNNING', :holder, :heldUntil,
                    CAST(:resourceId AS uuid), :expiresAt)
            ON CONFLICT (client_id, key) DO UPDATE
                SET operation = EXCLUDED.operation, target = EXCLUDED.target, fingerprint = EXCLUDED.fingerprint,
                    state = 'RUNNING', holder = EXCLUDED.holder, held_until = EXCLUDED.held_until,
                    resource_id = EXCLUDED.resource_id, started_operation = NULL, started_amount_minor = NULL,
                    started_baseline_minor = NULL, started_currency = NULL, started_at = NULL,
                    answer_status = NULL, answer_location = NULL, answer_body = NULL, created_at = now(),
                    expires_at = EXCLUDED.expires_at
                WHERE held.expires_at <= now()""")
    int claim(String clientId, String key, String operation, @Nullable String target, String fingerprint,
              UUID holder, Instant heldUntil, @Nullable UUID resourceId, Instant expiresAt);

    @Query("""
            SELECT operation, target, fingerprint,
                   CASE WHEN state = 'RUNNING' AND held_until <= now() THEN 'UNSETTLED' ELSE state END AS standing,
                   answer_status, answer_location, answer_body
            FROM idempotent_requests WHERE client_id = :clientId AND key = :key""")
    List<EarlierRequestRow> findEarlier(String clientId, String key);

    // The conditions are a claim's own view of "unsettled", so of concurrent takeovers the row lock lets one win:
    // the others re-check them after it commits and find the request running again.
    @Query("""
            UPDATE idempotent_requests SET state = 'RUNNING', holder = :holder, held_until = :heldUntil
            WHERE client_id = :clientId AND key = :key AND expires_at > now()
              AND (state = 'UNSETTLED' OR (state = 'RUNNING' AND held_until <= now()))""")
    int takeOver(String clientId, String key, UUID holder, Instant heldUntil);

    @Query("""
            UPDATE idempotent_requests
            SET started_operation = :operation, started_amount_minor = :amountMinor,
                started_baseline_minor = :baselineMinor, started_currency = :currency, started_at = :startedAt
            WHERE client_id = :clientId AND key = :key AND holder = :holder AND state = 'RUNNING'""")
    int started(String clientId, String key, UUID holder, String operation, long amountMinor, long baselineMinor,
                String currency, Instant startedAt);

    @Query("""
            UPDATE idempotent_requests
            SET state = 'ANSWERED', answer_status = :status, answer_location = :location, answer_body = :body
            WHERE client_id = :clientId AND key = :key AND holder = :holder AND state = 'RUNNING'""")
    int answered(String clientId, String key, UUID holder, int status, @Nullable String location, String body);

    @Query("""
            UPDATE idempotent_requests SET state = 'UNSETTLED'
            WHERE client_id = :clientId AND key = :key AND holder = :holder AND state = 'RUNNING'""")
    int unsettled(String clientId, String key, UUID holder);

    @Query("""
            DELETE FROM idempotent_requests
            WHERE client_id = :clientId AND key = :key AND holder = :holder AND state = 'RUNNING'""")
    int release(String clientId, String key, UUID holder);

    // Batched so that a large backlog never holds many row locks at once.
    @Query("""
            DELETE FROM idempotent_requests WHERE ctid IN (
                SELECT ctid FROM idempotent_requests WHERE expires_at <= now() LIMIT :limit)""")
    int deleteExpired(int limit);
}
