package dev.orderpay.application.port.in.event;

import dev.orderpay.application.port.in.InvalidCommandException;

import java.util.Objects;
import java.util.Optional;

/** A page request: at most {@code limit} events passing {@code filter}, after {@code after} (from the newest when empty). */
public record ListEventsQuery(int limit, Optional<EventCursor> after, EventFilter filter) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ListEventsQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidCommandException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
