package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

// JpaSpecificationExecutor runs the listing EventCriteria builds, as for orders.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EventRowRepository extends CrudRepository<EventRow, UUID>, JpaSpecificationExecutor<EventRow> {

    List<EventRow> findByOrderIdOrderBySequence(UUID orderId);

    List<EventRow> findByIdIn(List<UUID> ids);

    /**
     * Events past their retention, oldest first, except those with a delivery still to be made; their deliveries and
     * attempts go with them (ON DELETE CASCADE). The range on created_at is read backwards through
     * events_newest_first, the pending check through webhook_deliveries_by_event, and the rows chosen are deleted
     * through the primary key: an array rather than IN, so the planner never hash-joins against the whole table
     * (JdbcEventLogTest checks the plan). Rows locked by a redelivery referring to them right now, or by another
     * instance deleting them, are skipped until the next batch.
     */
    String FORGET_BEFORE = """
            DELETE FROM events WHERE id = ANY (ARRAY(
                SELECT id FROM events e
                WHERE e.created_at < :cutoff
                  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.state = 'PENDING')
                ORDER BY e.created_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED))""";

    @Query(FORGET_BEFORE)
    int deleteCreatedBefore(Instant cutoff, int limit);
}
