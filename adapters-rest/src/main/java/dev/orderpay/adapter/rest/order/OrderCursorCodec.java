package dev.orderpay.adapter.rest.order;

import dev.orderpay.application.port.in.order.OrderCursor;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.OrderId;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Turns a list position into an opaque token and back. Clients must not build or read cursors, so the format
 * (creation time in epoch microseconds, a colon, the order id) may change without breaking them.
 */
public final class OrderCursorCodec {

    private static final char SEPARATOR = ':';

    private OrderCursorCodec() {
    }

    public static String encode(OrderCursor cursor) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, cursor.createdAt());
        String plain = Long.toString(micros) + SEPARATOR + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidValueException naming {@code cursor} if the token was not made by {@link #encode} */
    static OrderCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            int separator = plain.indexOf(SEPARATOR);
            long micros = Long.parseLong(plain.substring(0, separator));
            OrderId id = OrderId.parse(plain.substring(separator + 1));
            return new OrderCursor(QueryFilters.supported(Instant.EPOCH.plus(micros, ChronoUnit.MICROS)), id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException | ArithmeticException tampered) {
            // bad base64, no separator, not a number, not a UUID, or a time out of range: all mean the same to a client
            throw new InvalidValueException(QueryFilters.CURSOR, "is not a cursor this service issued");
        }
    }
}
