package dev.orderpay.adapter.rest.order;

import dev.orderpay.adapter.rest.input.QueryValues;
import dev.orderpay.application.port.in.order.ListOrdersQuery;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.in.order.TotalsQuery;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.Metadata;
import io.micronaut.http.HttpParameters;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads the order list's and the totals' query values ({@link QueryValues}), naming every bad one at once. */
public final class QueryFilters {

    static final String LIMIT = QueryValues.LIMIT;
    static final String CURSOR = QueryValues.CURSOR;
    public static final String STATUS = "status";
    public static final String CURRENCY = "currency";
    public static final String CREATED_FROM = "created_from";
    public static final String CREATED_TO = "created_to";
    public static final String RECEIPT = "receipt";
    public static final String CUSTOMER_EMAIL = "customer_email";
    /** Given as metadata[key]=value, one parameter a key. */
    public static final String METADATA = "metadata";
    static final String FROM = "from";
    static final String TO = "to";

    private static final String STATUS_NAMES = String.join(", ",
            Arrays.stream(OrderStatus.values()).map(Enum::name).toList());

    private QueryFilters() {
    }

    static ListOrdersQuery listOrders(@Nullable String limit, @Nullable String cursor,
                                      @Nullable List<String> statuses, @Nullable String currency,
                                      @Nullable String createdFrom, @Nullable String createdTo,
                                      @Nullable String receipt, @Nullable String customerEmail,
                                      HttpParameters parameters) {
        QueryValues query = new QueryValues();
        int pageSize = query.read(LIMIT, limit, QueryValues.limitUpTo(ListOrdersQuery.MAX_LIMIT))
                .orElse(ListOrdersQuery.DEFAULT_LIMIT);
        Optional<OrderCursor> after = query.read(CURSOR, cursor, OrderCursorCodec::decode);
        Set<OrderStatus> wanted = EnumSet.noneOf(OrderStatus.class);
        for (String status : statuses == null ? List.<String>of() : statuses) {
            query.read(STATUS, status, QueryFilters::status).ifPresent(wanted::add);
        }
        Optional<Currency> inCurrency = query.read(CURRENCY, currency, Money::currency);
        Optional<Instant> createdAfter = query.read(CREATED_FROM, createdFrom, QueryValues::instant);
        Optional<Instant> createdBefore = query.read(CREATED_TO, createdTo, QueryValues::instant);
        Optional<Receipt> withReceipt = query.read(RECEIPT, receipt, Receipt::new);
        Optional<EmailAddress> withEmail = query.read(CUSTOMER_EMAIL, customerEmail, EmailAddress::new);
        Map<String, String> metadata = new TreeMap<>();
        for (String name : parameters.names()) {
            String key = metadataKey(name);
            if (key == null) {
                continue;
            }
            List<String> values = parameters.getAll(name);
            if (values.size() > 1) {
                query.refuse(name, "must be given once");
            }
            query.read(name, key, Metadata::key)
                    .flatMap(validKey -> query.read(name, values.get(0), value -> Metadata.value(validKey, value)))
                    .ifPresent(value -> metadata.put(key, value));
        }
        if (metadata.size() > Metadata.MAX_KEYS) {
            query.refuse(METADATA, "may filter by at most " + Metadata.MAX_KEYS + " keys");
        }
        query.throwIfAnyFailed();
        return new ListOrdersQuery(pageSize, after, new OrderFilter(wanted, inCurrency, createdAfter, createdBefore,
                withReceipt, withEmail, Metadata.of(metadata)));
    }

    /** The key of a metadata[key] parameter; null for any other parameter. */
    private static String metadataKey(String name) {
        String prefix = METADATA + "[";
        return name.startsWith(prefix) && name.endsWith("]") ? name.substring(prefix.length(), name.length() - 1)
                : null;
    }

    static TotalsQuery totals(@Nullable String currency, @Nullable String from, @Nullable String to) {
        QueryValues query = new QueryValues();
        Optional<Currency> inCurrency = query.read(CURRENCY, currency, Money::currency);
        Optional<Instant> after = query.read(FROM, from, QueryValues::instant);
        Optional<Instant> before = query.read(TO, to, QueryValues::instant);
        query.throwIfAnyFailed();
        return new TotalsQuery(inCurrency, after, before);
    }

    private static OrderStatus status(String name) {
        try {
            return OrderStatus.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException(STATUS, "must be one of " + STATUS_NAMES);
        }
    }
}
