package dev.orderpay.adapter.rest.event;

import dev.orderpay.adapter.rest.input.KeysetCursor;
import dev.orderpay.adapter.rest.input.QueryValues;
import dev.orderpay.application.port.in.event.DeliveryStanding;
import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.application.port.in.event.ListEventsQuery;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.uri.UriBuilder;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the event list's query values, naming every bad one at once, and writes them back into next links. */
final class EventQueries {

    static final String EVENTS = "/events";
    static final String TYPE = "type";
    static final String ORDER_ID = "order_id";
    static final String CREATED_FROM = "created_from";
    static final String CREATED_TO = "created_to";
    static final String DELIVERY = "delivery";

    private static final String TYPE_NAMES = Arrays.stream(EventType.values())
            .filter(EventType::isSubscribable)
            .map(EventType::wireName)
            .collect(Collectors.joining(", "));

    private EventQueries() {
    }

    static ListEventsQuery listEvents(@Nullable String limit, @Nullable String cursor, @Nullable List<String> types,
                                      @Nullable String orderId, @Nullable String createdFrom,
                                      @Nullable String createdTo, @Nullable String delivery) {
        QueryValues query = new QueryValues();
        int pageSize = query.read(QueryValues.LIMIT, limit, QueryValues.limitUpTo(ListEventsQuery.MAX_LIMIT))
                .orElse(ListEventsQuery.DEFAULT_LIMIT);
        Optional<EventCursor> after = query.read(QueryValues.CURSOR, cursor, EventQueries::cursor);
        Set<EventType> wanted = EnumSet.noneOf(EventType.class);
        for (String type : types == null ? List.<String>of() : types) {
            query.read(TYPE, type, EventQueries::type).ifPresent(wanted::add);
        }
        Optional<OrderId> ofOrder = query.read(ORDER_ID, orderId, OrderId::parse);
        Optional<Instant> from = query.read(CREATED_FROM, createdFrom, QueryValues::instant);
        Optional<Instant> to = query.read(CREATED_TO, createdTo, QueryValues::instant);
        Optional<DeliveryStanding> standing = query.read(DELIVERY, delivery, EventQueries::standing);
        query.throwIfAnyFailed();
        return new ListEventsQuery(pageSize, after, new EventFilter(wanted, ofOrder, from, to, standing));
    }

    /** The next page of the same list: same limit, same filter, after the cursor. */
    static String page(ListEventsQuery query, EventCursor after) {
        UriBuilder page = UriBuilder.of(EVENTS).queryParam(QueryValues.LIMIT, query.limit());
        EventFilter filter = query.filter();
        filter.types().stream().sorted().forEach(type -> page.queryParam(TYPE, type.wireName()));
        filter.orderId().ifPresent(orderId -> page.queryParam(ORDER_ID, orderId.toString()));
        filter.createdFrom().ifPresent(from -> page.queryParam(CREATED_FROM, DateTimeFormatter.ISO_INSTANT.format(from)));
        filter.createdTo().ifPresent(to -> page.queryParam(CREATED_TO, DateTimeFormatter.ISO_INSTANT.format(to)));
        filter.delivery().ifPresent(standing -> page.queryParam(DELIVERY, standing.name().toLowerCase(Locale.ROOT)));
        return page.queryParam(QueryValues.CURSOR, new KeysetCursor(after.createdAt(), after.id().value()).encode())
                .toString();
    }

    private static EventCursor cursor(String token) {
        KeysetCursor cursor = KeysetCursor.decode(token);
        return new EventCursor(cursor.createdAt(), new EventId(cursor.id()));
    }

    private static DeliveryStanding standing(String name) {
        return Arrays.stream(DeliveryStanding.values())
                .filter(standing -> standing.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(DELIVERY, "must be one of failed, pending, delivered"));
    }

    private static EventType type(String name) {
        return EventType.fromWireName(name)
                .filter(EventType::isSubscribable)
                .orElseThrow(() -> new InvalidValueException(TYPE, "must be one of " + TYPE_NAMES));
    }
}
