package dev.orderpay.application.port.in.audit;

import dev.orderpay.application.port.in.InvalidCommandException;

import java.util.Objects;
import java.util.Optional;

/**
 * A page request: at most {@code limit} entries passing {@code filter}, after {@code after} (from the newest when
 * empty).
 */
public record ListAuditEntriesQuery(int limit, Optional<AuditCursor> after, AuditFilter filter) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ListAuditEntriesQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidCommandException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
