package dev.orderpay.domain.audit;

import java.util.Objects;
import java.util.UUID;

/** An audit log entry's id. */
public record AuditEntryId(UUID value) {

    public AuditEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static AuditEntryId newId() {
        return new AuditEntryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
