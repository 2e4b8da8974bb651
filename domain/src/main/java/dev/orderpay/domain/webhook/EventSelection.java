package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.event.EventType;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The event types an endpoint receives: every one, including types added after it subscribed, or a chosen, non-empty
 * set. Only types an endpoint can subscribe to are ever chosen ({@link EventType#isSubscribable()}).
 */
public final class EventSelection {

    private static final EventSelection ALL = new EventSelection(null);

    // null for every type: a set of today's types would miss those added later. An EnumSet keeps declaration order.
    private final Set<EventType> chosen;

    private EventSelection(Set<EventType> chosen) {
        this.chosen = chosen;
    }

    /** Every subscribable type, now and later. */
    public static EventSelection all() {
        return ALL;
    }

    /** Just these types, never more, even when new types are added. */
    public static EventSelection only(Collection<EventType> types) {
        Objects.requireNonNull(types, "types");
        if (types.isEmpty()) {
            throw new InvalidValueException("event types", "must name at least one event type");
        }
        Set<EventType> chosen = EnumSet.copyOf(types);
        for (EventType type : chosen) {
            if (!type.isSubscribable()) {
                throw new InvalidValueException("event types", type.wireName() + " cannot be subscribed to");
            }
        }
        return new EventSelection(Collections.unmodifiableSet(chosen));
    }

    public boolean isAll() {
        return chosen == null;
    }

    /** The chosen types, in declaration order; empty for {@link #all()}. */
    public Set<EventType> chosen() {
        return chosen == null ? Set.of() : chosen;
    }

    public boolean includes(EventType type) {
        Objects.requireNonNull(type, "type");
        return type.isSubscribable() && (chosen == null || chosen.contains(type));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventSelection that && Objects.equals(chosen, that.chosen);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(chosen);
    }

    @Override
    public String toString() {
        return chosen == null ? "all event types" : chosen().toString();
    }
}
