package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.Metadata;

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
 * @param createdTo     created before
 * @param customerEmail the customer's e-mail address, exactly
 * @param metadata      every one of these keys with exactly its value (others may be there too)
 */
public record OrderFilter(Set<OrderStatus> statuses, Optional<Currency> currency, Optional<Instant> createdFrom,
                          Optional<Instant> createdTo, Optional<Receipt> receipt, Optional<EmailAddress> customerEmail,
                          Metadata metadata) {

    public static final OrderFilter NONE = new OrderFilter(Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Metadata.NONE);

    /** Without the contents' filters, as listings were before orders had contents. */
    public OrderFilter(Set<OrderStatus> statuses, Optional<Currency> currency, Optional<Instant> createdFrom,
                       Optional<Instant> createdTo, Optional<Receipt> receipt) {
        this(statuses, currency, createdFrom, createdTo, receipt, Optional.empty(), Metadata.NONE);
    }

    public OrderFilter {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(metadata, "metadata");
        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw InvalidCommandException.of("created_to", "must be later than created_from");
        }
    }
}
