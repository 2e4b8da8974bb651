package dev.orderpay.application.port.out.audit;

import dev.orderpay.application.port.in.audit.AuditCursor;
import dev.orderpay.application.port.in.audit.AuditFilter;
import dev.orderpay.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AuditLog} in a list, for use-case tests: the in-memory stores {@link #record} their entries in it as they
 * store the change. Passes {@link AuditLogContract}.
 */
public class InMemoryAuditLog implements AuditLog {

    // Ties on time are broken by the id's text, which sorts like PostgreSQL's uuid (unsigned, byte by byte).
    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::occurredAt)
            .thenComparing(entry -> entry.id().toString()).reversed();

    private final List<AuditEntry> entries = new ArrayList<>();

    /** Called by an in-memory store once the change the entry describes is stored. */
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> findNewestFirst(AuditFilter filter, Optional<AuditCursor> after, int limit) {
        return entries.stream()
                .filter(entry -> filter.action().map(entry.action()::equals).orElse(true))
                .filter(entry -> filter.actor().map(entry.actor().name()::equals).orElse(true))
                .filter(entry -> filter.targetId().map(entry.targetId()::equals).orElse(true))
                .filter(entry -> filter.occurredFrom().map(from -> !entry.occurredAt().isBefore(from)).orElse(true))
                .filter(entry -> filter.occurredTo().map(entry.occurredAt()::isBefore).orElse(true))
                .filter(entry -> after.map(cursor -> isAfter(entry, cursor)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int forgetBefore(Instant cutoff, int limit) {
        List<AuditEntry> forgotten = entries.stream()
                .filter(entry -> entry.occurredAt().isBefore(cutoff))
                .sorted(NEWEST_FIRST.reversed())
                .limit(limit)
                .toList();
        entries.removeAll(forgotten);
        return forgotten.size();
    }

    /** Every entry, in the order recorded: for a test's assertions. */
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }

    private static boolean isAfter(AuditEntry entry, AuditCursor cursor) {
        int byTime = entry.occurredAt().compareTo(cursor.occurredAt());
        return byTime < 0 || byTime == 0 && entry.id().toString().compareTo(cursor.id().toString()) < 0;
    }
}
