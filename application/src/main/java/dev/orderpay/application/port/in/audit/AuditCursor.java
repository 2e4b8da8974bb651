package dev.orderpay.application.port.in.audit;

import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.AuditEntryId;

import java.time.Instant;
import java.util.Objects;

/** A position in the newest-first audit log: the time and id of the last entry seen. */
public record AuditCursor(Instant occurredAt, AuditEntryId id) {

    public AuditCursor {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(id, "id");
    }

    public static AuditCursor after(AuditEntry entry) {
        return new AuditCursor(entry.occurredAt(), entry.id());
    }
}
