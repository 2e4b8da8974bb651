package dev.orderpay.adapter.rest;

import dev.orderpay.adapter.rest.order.OrderCursorCodec;
import dev.orderpay.adapter.rest.order.QueryFilters;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.domain.OrderId;
import io.micronaut.http.uri.UriBuilder;

import java.time.format.DateTimeFormatter;

/** The paths of this API's resources, in one place so links and the routes agree. */
public final class OrderPaths {

    public static final String ORDERS = "/orders";
    public static final String TOTALS = "/totals";

    private OrderPaths() {
    }

    public static String order(OrderId id) {
        return order(id.toString());
    }

    public static String order(String id) {
        return ORDERS + "/" + id;
    }

    static String returnFromCheckout(OrderId id) {
        return order(id) + "/redirect";
    }

    static String notification(OrderId id) {
        return order(id) + "/callback";
    }

    /** The next page of the same list: same limit, same filter, after the cursor. */
    public static String page(int limit, OrderFilter filter, OrderCursor after) {
        UriBuilder page = UriBuilder.of(ORDERS).queryParam("limit", limit);
        filter.statuses().stream().sorted().forEach(status -> page.queryParam(QueryFilters.STATUS, status.name()));
        filter.currency().ifPresent(currency -> page.queryParam(QueryFilters.CURRENCY, currency.getCurrencyCode()));
        filter.createdFrom().ifPresent(from -> page.queryParam(QueryFilters.CREATED_FROM,
                DateTimeFormatter.ISO_INSTANT.format(from)));
        filter.createdTo().ifPresent(to -> page.queryParam(QueryFilters.CREATED_TO,
                DateTimeFormatter.ISO_INSTANT.format(to)));
        filter.receipt().ifPresent(receipt -> page.queryParam(QueryFilters.RECEIPT, receipt.value()));
        filter.customerEmail().ifPresent(email -> page.queryParam(QueryFilters.CUSTOMER_EMAIL, email.value()));
        filter.metadata().values().forEach((key, value) ->
                page.queryParam(QueryFilters.METADATA + "[" + key + "]", value));
        return page.queryParam("cursor", OrderCursorCodec.encode(after)).toString();
    }
}
