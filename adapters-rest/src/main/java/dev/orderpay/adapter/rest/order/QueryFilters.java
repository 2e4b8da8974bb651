package dev.orderpay.adapter.rest.order;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.order.ListOrdersQuery;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Receipt;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the order list's and the totals' query values, naming every bad one at once. Instants are held to the
 * years 1 to 9999, which every layer down to PostgreSQL can store.
 */
public final class QueryFilters {

    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    public static final String STATUS = "status";
    public static final String CURRENCY = "currency";
    public static final String CREATED_FROM = "created_from";
    public static final String CREATED_TO = "created_to";
    public static final String RECEIPT = "receipt";
    static final String FROM = "from";
    static final String TO = "to";

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private static final String STATUS_NAMES = String.join(", ",
            Arrays.stream(OrderStatus.values()).map(Enum::name).toList());

    private final Map<String, String> errors = new LinkedHashMap<>();

    private QueryFilters() {
    }

    static ListOrdersQuery listOrders(@Nullable String limit, @Nullable String cursor,
                                      @Nullable List<String> statuses, @Nullable String currency,
                                      @Nullable String createdFrom, @Nullable String createdTo,
                                      @Nullable String receipt) {
        QueryFilters query = new QueryFilters();
        int pageSize = query.read(LIMIT, limit, QueryFilters::limit).orElse(ListOrdersQuery.DEFAULT_LIMIT);
        Optional<OrderCursor> after = query.read(CURSOR, cursor, OrderCursorCodec::decode);
        Set<OrderStatus> wanted = EnumSet.noneOf(OrderStatus.class);
        for (String status : statuses == null ? List.<String>of() : statuses) {
            query.read(STATUS, status, QueryFilters::status).ifPresent(wanted::add);
        }
        Optional<Currency> inCurrency = query.read(CURRENCY, currency, Money::currency);
        Optional<Instant> createdAfter = query.read(CREATED_FROM, createdFrom, QueryFilters::instant);
        Optional<Instant> createdBefore = query.read(CREATED_TO, createdTo, QueryFilters::instant);
        Optional<Receipt> withReceipt = query.read(RECEIPT, receipt, Receipt::new);
        query.throwIfAnyFailed();
        return new ListOrdersQuery(pageSize, after,
                new OrderFilter(wanted, inCurrency, createdAfter, createdBefore, withReceipt));
    }

    static TotalsQuery totals(@Nullable String currency, @Nullable String from, @Nullable String to) {
        QueryFilters query = new QueryFilters();
        Optional<Currency> inCurrency = query.read(CURRENCY, currency, Money::currency);
        Optional<Instant> after = query.read(FROM, from, QueryFilters::instant);
        Optional<Instant> before = query.read(TO, to, QueryFilters::instant);
        query.throwIfAnyFailed();
        return new TotalsQuery(inCurrency, after, before);
    }

    /** Empty when the value is absent or bad; a bad value is remembered under the parameter's name. */
    private <T> Optional<T> read(String parameter, @Nullable String value, Function<String, T> parse) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(parameter, invalid.reason());
            return Optional.empty();
        }
    }

    // Before the filter checks one value against another, so every bad value is named, not only the first.
    private void throwIfAnyFailed() {
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    private static OrderStatus status(String name) {
        try {
            return OrderStatus.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException(STATUS, "must be one of " + STATUS_NAMES);
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= ListOrdersQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw new InvalidValueException(LIMIT, "must be a whole number from 1 to " + ListOrdersQuery.MAX_LIMIT);
    }

    private static Instant instant(String text) {
        try {
            return supported(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidValueException("instant", "must be an ISO 8601 instant such as 2026-03-08T13:24:40Z");
        }
    }

    /** @throws InvalidValueException if the instant lies outside the years 1 to 9999 */
    static Instant supported(Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            throw new InvalidValueException("instant", "must lie in the years 1 to 9999");
        }
        return instant;
    }
}
