package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.audit.AuditCursor;
import dev.orderpay.application.port.in.audit.AuditFilter;
import dev.orderpay.application.port.out.audit.AuditLog;
import dev.orderpay.domain.audit.AuditEntry;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit log in PostgreSQL, read back and forgotten after its retention; the stores that make the changes write
 * the entries, in the change's transaction.
 */
@Singleton
class JdbcAuditLog implements AuditLog {

    private final AuditRowRepository rows;

    JdbcAuditLog(AuditRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public List<AuditEntry> findNewestFirst(AuditFilter filter, Optional<AuditCursor> after, int limit) {
        return rows.findAll(AuditCriteria.newestFirst(filter, after, limit)).stream()
                .map(AuditRowMapper::toEntry)
                .toList();
    }

    @Override
    public int forgetBefore(Instant cutoff, int limit) {
        return rows.deleteOccurredBefore(cutoff, limit);
    }
}
