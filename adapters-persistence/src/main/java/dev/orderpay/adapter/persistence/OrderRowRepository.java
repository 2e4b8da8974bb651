package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderRowRepository extends CrudRepository<OrderRow, UUID> {

    @Query("SELECT * FROM orders ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<OrderRow> findFirstPage(int limit);

    // A row comparison rather than "created_at < ? OR (created_at = ? AND id < ?)": same meaning, and
    // PostgreSQL walks the (created_at DESC, id DESC) index straight from the cursor.
    @Query("""
            SELECT * FROM orders
            WHERE (created_at, id) < (:createdAt, :id)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<OrderRow> findPageAfter(Instant createdAt, UUID id, int limit);

    // One statement, so picking and claiming cannot be split by another instance. FOR UPDATE locks the picked
    // rows, so two claimers never take the same one; SKIP LOCKED passes over rows another claimer holds instead
    // of waiting for its commit. The status list is OrderStatus.awaitsOutcome() and the partial index
    // orders_awaiting_outcome's. Only the lease column is written: the version stays, so nobody's loaded copy
    // turns stale. RETURNING comes in no particular order, hence the final SELECT.
    @Query("""
            WITH picked AS (
                SELECT id FROM orders
                WHERE status IN ('PENDING', 'ON_HOLD')
                  AND created_at < :createdBefore
                  AND (reconcile_claimed_until IS NULL OR reconcile_claimed_until <= :now)
                ORDER BY created_at, id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE orders SET reconcile_claimed_until = :claimedUntil
                FROM picked WHERE orders.id = picked.id
                RETURNING orders.*)
            SELECT * FROM claimed ORDER BY created_at, id""")
    List<OrderRow> claimUnsettled(Instant createdBefore, Instant now, Instant claimedUntil, int limit);
}
