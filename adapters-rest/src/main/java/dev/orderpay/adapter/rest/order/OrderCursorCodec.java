package dev.orderpay.adapter.rest.order;

import dev.orderpay.adapter.rest.input.KeysetCursor;
import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.OrderId;

/** The order list's position as an opaque token and back ({@link KeysetCursor}). */
public final class OrderCursorCodec {

    private OrderCursorCodec() {
    }

    public static String encode(OrderCursor cursor) {
        return new KeysetCursor(cursor.createdAt(), cursor.id().value()).encode();
    }

    /** @throws InvalidValueException naming {@code cursor} if the token was not made by {@link #encode} */
    static OrderCursor decode(String token) {
        KeysetCursor cursor = KeysetCursor.decode(token);
        return new OrderCursor(cursor.createdAt(), new OrderId(cursor.id()));
    }
}
