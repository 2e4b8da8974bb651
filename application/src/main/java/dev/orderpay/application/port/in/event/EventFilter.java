package dev.orderpay.application.port.in.event;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventType;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events a listing shows; every part is optional and they all apply together.
 *
 * @param types       any of these types (all when empty)
 * @param createdFrom created at or after
 * @param createdTo   created before
 * @param delivery    only events whose webhooks stand so
 */
public record EventFilter(Set<EventType> types, Optional<OrderId> orderId, Optional<Instant> createdFrom,
                          Optional<Instant> createdTo, Optional<DeliveryStanding> delivery) {

    public static final EventFilter NONE = new EventFilter(Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public EventFilter {
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(delivery, "delivery");
        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw InvalidCommandException.of("created_to", "must be later than created_from");
        }
    }
}
