package dev.orderpay.adapter.rest.input;

import dev.orderpay.domain.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a newest-first list (a creation time and an id) as an opaque token. Clients must not build or read
 * cursors, so the format (epoch microseconds, a colon, the id) may change without breaking them.
 */
public record KeysetCursor(Instant createdAt, UUID id) {

    private static final char SEPARATOR = ':';

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = Long.toString(micros) + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidValueException naming {@code cursor} if the token was not made by {@link #encode} */
    public static KeysetCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            int separator = plain.indexOf(SEPARATOR);
            long micros = Long.parseLong(plain.substring(0, separator));
            String id = plain.substring(separator + 1);
            UUID uuid = UUID.fromString(id);
            if (!uuid.toString().equals(id)) {
                throw new IllegalArgumentException("not canonical");
            }
            return new KeysetCursor(QueryValues.supported(Instant.EPOCH.plus(micros, ChronoUnit.MICROS)), uuid);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeException | ArithmeticException tampered) {
            // bad base64, no separator, not a number, not a UUID, or a time out of range: all mean the same to a client
            throw new InvalidValueException(QueryValues.CURSOR, "is not a cursor this service issued");
        }
    }
}
