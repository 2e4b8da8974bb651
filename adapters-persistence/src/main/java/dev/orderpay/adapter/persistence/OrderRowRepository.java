package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

// JpaSpecificationExecutor runs the criteria query OrderCriteria builds: the listing's SQL depends on which filters
// are given, yet every value in it is a bound parameter.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderRowRepository extends CrudRepository<OrderRow, UUID>, JpaSpecificationExecutor<OrderRow> {

    // One statement, so picking and claiming cannot be split by another instance. FOR UPDATE locks the picked
    // rows, so two claimers never take the same one; SKIP LOCKED passes over rows another claimer holds instead
    // of waiting for its commit. The status list is OrderStatus.awaitsOutcome(); the first condition is the
    // partial index orders_unsettled's, which is what lets the planner use it. An order whose creation still holds
    // it (creation_held_until) may be waiting for its checkout, so it is passed over. Only the lease column is written:
    // the version stays, so nobody's loaded copy turns stale. RETURNING comes in no particular order, hence the
    // final SELECT.
    @Query("""
            WITH picked AS (
                SELECT id FROM orders
                WHERE (status IN ('PENDING', 'ON_HOLD') OR pending_operation IS NOT NULL)
                  AND created_at < :createdBefore
                  AND (creation_held_until IS NULL OR creation_held_until <= :now)
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

    // Only the claim this instance took: the time it runs out tells it from a later claim by another instance. Like
    // the claim, it leaves the version alone.
    @Query("""
            UPDATE orders SET reconcile_claimed_until = NULL
            WHERE id IN (:ids) AND reconcile_claimed_until = :claimedUntil""")
    int releaseClaims(Collection<UUID> ids, Instant claimedUntil);

    // The first condition is the partial index orders_unsettled's, as in claimUnsettled: min() reads one index entry.
    @Query("""
            SELECT min(created_at) FROM orders
            WHERE (status IN ('PENDING', 'ON_HOLD') OR pending_operation IS NOT NULL)""")
    @Nullable
    Instant oldestUnsettledCreatedAt();

    // Micronaut Data's criteria queries cannot group, so this one is fixed. An absent bound becomes an infinite one
    // inside the statement: the comparison stays a plain range on created_at that an index serves, whatever is
    // bound. The currency filter is switched off by a bound null; it only thins out the rows the period selected.
    // The statuses are those whose amount counts as authorized (a voided authorization ends CANCELLED). A sum of
    // bigints is numeric in PostgreSQL; no total comes near bigint's limit (Money caps an order at 10^11 minor units).
    @Query("""
            SELECT currency,
                   CAST(sum(amount_minor) AS bigint)   AS authorized_minor,
                   CAST(sum(captured_minor) AS bigint) AS captured_minor,
                   CAST(sum(refunded_minor) AS bigint) AS refunded_minor
            FROM orders
            WHERE status IN ('AUTHORIZED', 'PARTIALLY_CAPTURED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED')
              AND created_at >= COALESCE(CAST(:from AS timestamptz), '-infinity')
              AND created_at < COALESCE(CAST(:to AS timestamptz), 'infinity')
              AND (CAST(:currency AS char(3)) IS NULL OR currency = CAST(:currency AS char(3)))
            GROUP BY currency
            ORDER BY currency""")
    List<CurrencyTotalsRow> totals(@Nullable String currency, @Nullable Instant from, @Nullable Instant to);

    // Until the transaction ends, PostgreSQL plans each statement for the values bound to it instead of switching
    // to one generic plan after a few executions of a prepared statement.
    @Query("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
    String planForBoundValuesUntilCommit();
}
