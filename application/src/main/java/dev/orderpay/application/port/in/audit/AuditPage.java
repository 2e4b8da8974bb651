package dev.orderpay.application.port.in.audit;

import dev.orderpay.domain.audit.AuditEntry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** @param next where the following page starts; empty on the last page */
public record AuditPage(List<AuditEntry> entries, Optional<AuditCursor> next) {

    public AuditPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
