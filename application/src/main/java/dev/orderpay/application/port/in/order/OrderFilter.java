package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Receipt;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which orders a listing shows; every part is optional and they all apply together.
 *
 * @param statuses    any of these statuses (all when empty)
 * @param createdFrom created at or after
 * @param createdTo   created before
 */
public record OrderFilter(Set<OrderStatus> statuses, Optional<Currency> currency, Optional<Instant> createdFrom,
                          Optional<Instant> createdTo, Optional<Receipt> receipt) {

    public static final OrderFilter NONE =
            new OrderFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public OrderFilter {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(receipt, "receipt");
        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw InvalidCommandException.of("created_to", "must be later than created_from");
        }
    }
}
