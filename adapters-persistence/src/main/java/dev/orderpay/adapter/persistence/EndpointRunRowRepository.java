package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EndpointRunRowRepository extends GenericRepository<EndpointRunRow, UUID> {

    // One statement: the delivery's new state, its attempt, and the endpoint's run of failures, all or nothing. Only
    // a pending delivery is recorded (another instance may have recorded it after its claim ran out). The run: a
    // failure starts one unless one is running since the endpoint's current version; a success ends it. Each is a
    // write only when it changes something, so an endpoint's row is not rewritten with every delivery. All parts of
    // the statement see the same snapshot, so the run's start is taken from the endpoint update when it wrote one,
    // and from the row as it stood otherwise. Values in a SELECT list have no column to take their type from, hence
    // the casts. One row comes back when the attempt was recorded, none otherwise. Micronaut Data maps what
    // a statement that writes returns only to an entity, hence EndpointRunRow and its repository.
    @Query("""
            WITH recorded AS (
                UPDATE webhook_deliveries
                SET state = :state, attempts = attempts + 1, next_attempt_at = :nextAttemptAt, claimed_until = NULL,
                    last_attempt_at = :attemptedAt, last_status_code = :statusCode, last_error = :error
                WHERE id = :id AND state = 'PENDING'
                RETURNING id, endpoint_id, attempts),
            attempt AS (
                INSERT INTO webhook_delivery_attempts (delivery_id, number, attempted_at, status_code, error,
                                                       latency_ms, body_excerpt, next_attempt_at)
                SELECT id, attempts, CAST(:attemptedAt AS timestamptz), CAST(:statusCode AS integer),
                       CAST(:error AS text), CAST(:latencyMs AS integer), CAST(:bodyExcerpt AS text),
                       CAST(:nextAttemptAt AS timestamptz)
                FROM recorded),
            run AS (
                UPDATE webhook_endpoints e
                SET failing_since = CASE WHEN :succeeded THEN NULL ELSE CAST(:attemptedAt AS timestamptz) END,
                    failing_since_version = CASE WHEN :succeeded THEN NULL ELSE e.version END
                FROM recorded
                WHERE e.id = recorded.endpoint_id
                  AND CASE WHEN :succeeded THEN e.failing_since IS NOT NULL
                           ELSE e.failing_since IS NULL OR e.failing_since_version <> e.version END
                RETURNING e.failing_since)
            SELECT e.id,
                   CASE WHEN :succeeded THEN NULL
                        ELSE coalesce((SELECT failing_since FROM run), e.failing_since) END AS failing_since
            FROM webhook_endpoints e JOIN recorded ON e.id = recorded.endpoint_id""")
    List<EndpointRunRow> record(UUID id, String state, @Nullable Instant nextAttemptAt, Instant attemptedAt,
                              @Nullable Integer statusCode, @Nullable String error, int latencyMs,
                              @Nullable String bodyExcerpt, boolean succeeded);

}
