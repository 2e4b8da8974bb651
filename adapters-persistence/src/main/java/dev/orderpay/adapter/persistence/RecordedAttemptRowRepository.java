package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecordedAttemptRowRepository extends GenericRepository<RecordedAttemptRow, UUID> {

    // One statement for a batch of attempts, given as parallel arrays (one element per attempt; uuids and times as
    // text, which the casts read): each delivery's new state, its attempt, and each endpoint's run of failures, all
    // or nothing. Only a pending delivery is recorded (another instance may have recorded it after its claim ran
    // out). Per endpoint, the attempts count in the order they were made: a success ends the run, and the first
    // failure after the last success starts one unless one is running since the endpoint's current version. Each
    // write happens only when it changes something, so an endpoint's row is not rewritten with every delivery. All
    // parts of the statement see the same snapshot, so the run's start comes from the endpoint update when it wrote
    // one, and from the row as it stood otherwise. One row comes back per recorded attempt, none for the others.
    @Query("""
            WITH attempt_input AS (
                SELECT *
                FROM unnest(CAST(:ids AS uuid[]), CAST(:states AS text[]), CAST(:nextAttemptsAt AS timestamptz[]),
                            CAST(:attemptedAt AS timestamptz[]), CAST(:statusCodes AS integer[]),
                            CAST(:errors AS text[]), CAST(:latenciesMs AS integer[]), CAST(:bodyExcerpts AS text[]),
                            CAST(:succeeded AS boolean[]))
                     AS a(id, state, next_attempt_at, attempted_at, status_code, error, latency_ms, body_excerpt,
                          succeeded)),
            recorded AS (
                UPDATE webhook_deliveries d
                SET state = a.state, attempts = d.attempts + 1, next_attempt_at = a.next_attempt_at,
                    claimed_until = NULL, last_attempt_at = a.attempted_at, last_status_code = a.status_code,
                    last_error = a.error
                FROM attempt_input a
                WHERE d.id = a.id AND d.state = 'PENDING'
                RETURNING d.id, d.endpoint_id, d.attempts, a.attempted_at, a.status_code, a.error, a.latency_ms,
                          a.body_excerpt, a.next_attempt_at, a.succeeded),
            attempt AS (
                INSERT INTO webhook_delivery_attempts (delivery_id, number, attempted_at, status_code, error,
                                                       latency_ms, body_excerpt, next_attempt_at)
                SELECT id, attempts, attempted_at, status_code, error, latency_ms, body_excerpt, next_attempt_at
                FROM recorded),
            last_success AS (
                SELECT endpoint_id, max(attempted_at) FILTER (WHERE succeeded) AS at
                FROM recorded
                GROUP BY endpoint_id),
            outcome AS (
                SELECT s.endpoint_id, s.at AS last_success,
                       (SELECT min(r.attempted_at) FROM recorded r
                        WHERE r.endpoint_id = s.endpoint_id AND NOT r.succeeded
                          AND (s.at IS NULL OR r.attempted_at > s.at)) AS failing_from
                FROM last_success s),
            run AS (
                UPDATE webhook_endpoints e
                SET failing_since = o.failing_from,
                    failing_since_version = CASE WHEN o.failing_from IS NULL THEN NULL ELSE e.version END
                FROM outcome o
                WHERE e.id = o.endpoint_id
                  AND CASE WHEN o.failing_from IS NULL THEN e.failing_since IS NOT NULL
                           ELSE o.last_success IS NOT NULL OR e.failing_since IS NULL
                                OR e.failing_since_version <> e.version END
                RETURNING e.id, e.failing_since)
            SELECT r.id,
                   CASE WHEN o.failing_from IS NULL THEN NULL
                        ELSE coalesce(run.failing_since, e.failing_since) END AS endpoint_failing_since
            FROM recorded r
            JOIN outcome o ON o.endpoint_id = r.endpoint_id
            JOIN webhook_endpoints e ON e.id = r.endpoint_id
            LEFT JOIN run ON run.id = r.endpoint_id""")
    List<RecordedAttemptRow> record(@TypeDef(type = DataType.STRING_ARRAY) String[] ids,
                                    @TypeDef(type = DataType.STRING_ARRAY) String[] states,
                                    @TypeDef(type = DataType.STRING_ARRAY) String[] nextAttemptsAt,
                                    @TypeDef(type = DataType.STRING_ARRAY) String[] attemptedAt,
                                    @TypeDef(type = DataType.INTEGER_ARRAY) Integer[] statusCodes,
                                    @TypeDef(type = DataType.STRING_ARRAY) String[] errors,
                                    @TypeDef(type = DataType.INTEGER_ARRAY) Integer[] latenciesMs,
                                    @TypeDef(type = DataType.STRING_ARRAY) String[] bodyExcerpts,
                                    @TypeDef(type = DataType.BOOLEAN_ARRAY) Boolean[] succeeded);
}
