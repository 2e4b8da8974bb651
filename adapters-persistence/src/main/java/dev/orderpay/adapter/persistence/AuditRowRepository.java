package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.UUID;

// JpaSpecificationExecutor runs the listing AuditCriteria builds, as for orders and events.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRowRepository extends CrudRepository<AuditRow, UUID>, JpaSpecificationExecutor<AuditRow> {

    /**
     * Entries past their retention, oldest first, read backwards through audit_log_newest_first and deleted through
     * the primary key (an array rather than IN, as for events); rows another instance is deleting are skipped.
     */
    @Query("""
            DELETE FROM audit_log WHERE id = ANY (ARRAY(
                SELECT id FROM audit_log
                WHERE occurred_at < :cutoff
                ORDER BY occurred_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED))""")
    int deleteOccurredBefore(Instant cutoff, int limit);
}
