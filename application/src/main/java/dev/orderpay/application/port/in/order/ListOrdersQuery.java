package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;

import java.util.Objects;
import java.util.Optional;

/**
 * A page request: at most {@code limit} orders passing {@code filter}, starting after {@code after} (from the
 * start when empty).
 */
public record ListOrdersQuery(int limit, Optional<OrderCursor> after, OrderFilter filter) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ListOrdersQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidCommandException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
