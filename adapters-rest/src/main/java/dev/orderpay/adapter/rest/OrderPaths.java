package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.OrderCursor;
import dev.orderpay.domain.OrderId;

/** The paths of this API's resources, in one place so links and the routes agree. */
final class OrderPaths {

    static final String ORDERS = "/orders";

    private OrderPaths() {
    }

    static String order(OrderId id) {
        return order(id.toString());
    }

    static String order(String id) {
        return ORDERS + "/" + id;
    }

    static String returnFromCheckout(OrderId id) {
        return order(id) + "/redirect";
    }

    static String notification(OrderId id) {
        return order(id) + "/callback";
    }

    static String page(int limit, OrderCursor after) {
        // The encoded cursor is URL-safe base64: it needs no further escaping in a query.
        return ORDERS + "?limit=" + limit + "&cursor=" + OrderCursorCodec.encode(after);
    }
}
