package dev.orderpay.application.port.out.audit;

import dev.orderpay.application.port.in.audit.AuditCursor;
import dev.orderpay.application.port.in.audit.AuditFilter;
import dev.orderpay.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit log as recorded so far. Entries are written only with the change they describe, by the store that makes
 * it (an order's update, a webhook endpoint's, a redelivery, an API key's), in its transaction; this reads them back,
 * and forgets them once their retention has passed.
 */
public interface AuditLog {

    /**
     * Up to {@code limit} entries that pass the filter, newest first (ties broken by id, highest first), strictly
     * after {@code after} when given.
     */
    List<AuditEntry> findNewestFirst(AuditFilter filter, Optional<AuditCursor> after, int limit);

    /**
     * Deletes up to {@code limit} entries that occurred before {@code cutoff}, oldest first.
     *
     * @return how many were deleted: fewer than {@code limit} when no more are due
     */
    int forgetBefore(Instant cutoff, int limit);
}
