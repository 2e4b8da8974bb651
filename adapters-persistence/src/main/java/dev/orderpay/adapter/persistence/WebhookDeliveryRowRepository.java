package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookDeliveryRowRepository extends GenericRepository<WebhookDeliveryRow, UUID> {

    // One statement, so picking and claiming cannot be split by another instance (as OrderRowRepository's claim).
    // Each enabled endpoint gets as many of its oldest due deliveries as it has room for: perEndpoint less those
    // still claimed (in flight here or at another instance, found through webhook_deliveries_in_flight). One
    // endpoint's backlog thus never fills the batch and holds up the others. A delivery whose order has an earlier
    // event still pending for the same destination waits for it: it must be the first pending of its order there,
    // looked up per row in webhook_deliveries_pending_per_order (as NOT EXISTS, a table never analysed got an anti
    // join that read the endpoint's whole backlog for every row, so claims took minutes once it grew). Orders'
    // callbacks are read apart, oldest due first, through webhook_deliveries_callbacks_due: each serves one order,
    // whose deliveries go one at a time in sequence, so they need no room of their own. FOR UPDATE SKIP LOCKED keeps
    // two claimers off the same row; rows the outer LIMIT drops are unlocked when the statement ends. No part reads
    // a backlog further than the rows it claims: the update finds its rows by id as an array, since a join with
    // the picked rows may be planned as a hash join over the whole table.
    String CLAIM_DUE = """
            WITH room AS (
                SELECT e.id AS endpoint_id,
                       :perEndpoint - (SELECT count(*) FROM webhook_deliveries busy
                                       WHERE busy.endpoint_id = e.id AND busy.state = 'PENDING'
                                         AND busy.claimed_until > :now) AS free
                FROM webhook_endpoints e
                WHERE e.order_id IS NULL AND e.disabled_reason IS NULL),
            to_endpoints AS (
                SELECT due.id, due.next_attempt_at
                FROM room
                CROSS JOIN LATERAL (
                    SELECT d.id, d.next_attempt_at
                    FROM webhook_deliveries d
                    WHERE d.endpoint_id = room.endpoint_id AND d.state = 'PENDING' AND d.next_attempt_at <= :now
                      AND (d.claimed_until IS NULL OR d.claimed_until <= :now)
                      AND d.sequence = (SELECT min(earlier.sequence) FROM webhook_deliveries earlier
                                        WHERE earlier.endpoint_id = d.endpoint_id AND earlier.order_id = d.order_id
                                          AND earlier.state = 'PENDING')
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT greatest(room.free, 0)
                    FOR UPDATE SKIP LOCKED) due),
            to_callbacks AS (
                SELECT d.id, d.next_attempt_at
                FROM webhook_deliveries d
                WHERE d.state = 'PENDING' AND d.to_callback AND d.next_attempt_at <= :now
                  AND (d.claimed_until IS NULL OR d.claimed_until <= :now)
                  AND d.sequence = (SELECT min(earlier.sequence) FROM webhook_deliveries earlier
                                    WHERE earlier.endpoint_id = d.endpoint_id AND earlier.order_id = d.order_id
                                      AND earlier.state = 'PENDING')
                ORDER BY d.next_attempt_at, d.id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED),
            picked AS (
                SELECT id, next_attempt_at FROM to_endpoints
                UNION ALL
                SELECT id, next_attempt_at FROM to_callbacks
                ORDER BY next_attempt_at, id
                LIMIT :limit),
            claimed AS (
                UPDATE webhook_deliveries d SET claimed_until = :claimedUntil
                WHERE d.id = ANY (ARRAY(SELECT id FROM picked))
                RETURNING d.*)
            SELECT * FROM claimed ORDER BY next_attempt_at, id""";

    // The fan-out, in the transaction that inserted the order's new events (sequences first to last): one delivery per
    // event and endpoint enabled and subscribed to its type now, and one to the order's own callback when it has one,
    // due when the event happened. An endpoint created by a transaction not yet committed is not seen, and gets none:
    // it did not exist when the event happened. Two selects rather than one join with OR, so that each finds its rows
    // through its own index (webhook_endpoints_merchants, webhook_endpoints_order_callback).
    @Query("""
            INSERT INTO webhook_deliveries
                (id, event_id, endpoint_id, order_id, sequence, state, attempts, next_attempt_at, created_at,
                 to_callback)
            SELECT gen_random_uuid(), ev.id, ep.id, ev.order_id, ev.sequence, 'PENDING', 0, ev.created_at,
                   ev.created_at, false
            FROM events ev
            JOIN webhook_endpoints ep
              ON ep.order_id IS NULL AND ep.disabled_reason IS NULL
             AND (ep.all_event_types OR ev.type = ANY (ep.event_types))
            WHERE ev.order_id = :orderId AND ev.sequence BETWEEN :firstSequence AND :lastSequence
            UNION ALL
            SELECT gen_random_uuid(), ev.id, ep.id, ev.order_id, ev.sequence, 'PENDING', 0, ev.created_at,
                   ev.created_at, true
            FROM events ev
            JOIN webhook_endpoints ep ON ep.order_id = ev.order_id
            WHERE ev.order_id = :orderId AND ev.sequence BETWEEN :firstSequence AND :lastSequence""")
    void insertForEvents(UUID orderId, long firstSequence, long lastSequence);

    @Query(CLAIM_DUE)
    List<WebhookDeliveryRow> claimDue(Instant now, Instant claimedUntil, int limit, int perEndpoint);

    // Only the claim this instance took: the time it runs out tells it from a later claim by another instance, and a
    // recorded attempt has cleared it already.
    @Query("""
            UPDATE webhook_deliveries SET claimed_until = NULL
            WHERE id IN (:ids) AND claimed_until = :claimedUntil""")
    int releaseClaims(Collection<UUID> ids, Instant claimedUntil);

    // The partial index webhook_deliveries_due holds exactly the pending rows, per endpoint.
    @Query("""
            SELECT count(*) FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
            WHERE d.state = 'PENDING' AND e.disabled_reason IS NULL""")
    long countPending();

    @Query("SELECT * FROM webhook_deliveries WHERE event_id = :eventId ORDER BY created_at, id")
    List<WebhookDeliveryRow> findByEvent(UUID eventId);

    @Query("""
            SELECT a.delivery_id, a.number, a.attempted_at, a.status_code, a.error, a.latency_ms, a.body_excerpt,
                   a.next_attempt_at
            FROM webhook_delivery_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
            WHERE d.event_id = :eventId
            ORDER BY a.delivery_id, a.number""")
    List<WebhookDeliveryAttemptRow> findAttemptsByEvent(UUID eventId);

    // A redelivery becomes its endpoint's latest delivery of the event.
    @Query("UPDATE webhook_deliveries SET superseded = true WHERE event_id = :eventId AND endpoint_id = :endpointId")
    void supersede(UUID eventId, UUID endpointId);

    // Nothing when the event or the destination (an endpoint, or an order's callback) is gone.
    @Query("""
            INSERT INTO webhook_deliveries
                (id, event_id, endpoint_id, order_id, sequence, state, attempts, next_attempt_at, created_at,
                 to_callback)
            SELECT CAST(:id AS uuid), ev.id, ep.id, ev.order_id, ev.sequence, 'PENDING', 0, CAST(:now AS timestamptz),
                   CAST(:now AS timestamptz), ep.order_id IS NOT NULL
            FROM events ev JOIN webhook_endpoints ep ON ep.id = :endpointId
            WHERE ev.id = :eventId""")
    int insertRedelivery(UUID id, UUID eventId, UUID endpointId, Instant now);
}
