package dev.orderpay.application.service;

import dev.orderpay.application.port.in.audit.AuditCursor;
import dev.orderpay.application.port.in.audit.AuditPage;
import dev.orderpay.application.port.in.audit.ListAuditEntriesQuery;
import dev.orderpay.application.port.in.audit.ListAuditEntriesUseCase;
import dev.orderpay.application.port.out.audit.AuditLog;
import dev.orderpay.domain.audit.AuditEntry;

import java.util.List;
import java.util.Optional;

/** Reads the audit log a page at a time. */
public final class AuditQueryService implements ListAuditEntriesUseCase {

    private final AuditLog auditLog;

    AuditQueryService(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public AuditPage listAuditEntries(ListAuditEntriesQuery query) {
        // One more than asked tells whether another page exists without counting the table.
        List<AuditEntry> found = auditLog.findNewestFirst(query.filter(), query.after(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new AuditPage(found, Optional.empty());
        }
        List<AuditEntry> page = found.subList(0, query.limit());
        return new AuditPage(page, Optional.of(AuditCursor.after(page.get(page.size() - 1))));
    }
}
