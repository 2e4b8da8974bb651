package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** Which orders the totals sum up: those created in [from, to), in one currency or in each. */
public record TotalsQuery(Optional<Currency> currency, Optional<Instant> from, Optional<Instant> to) {

    public TotalsQuery {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw InvalidCommandException.of("to", "must be later than from");
        }
    }
}
