package dev.orderpay.adapter.rest.input;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.InvalidValueException;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a list route's query values, remembering every bad one, so a single answer names them all. Instants are held
 * to the years 1 to 9999, which every layer down to PostgreSQL can store.
 */
public final class QueryValues {

    public static final String LIMIT = "limit";
    public static final String CURSOR = "cursor";

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Empty when the value is absent or bad; a bad value is remembered under the parameter's name. */
    public <T> Optional<T> read(String parameter, @Nullable String value, Function<String, T> parse) {
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

    /** Remembers a parameter that is wrong as a whole (given twice, say) rather than for its value. */
    public void refuse(String parameter, String reason) {
        errors.putIfAbsent(parameter, reason);
    }

    /** Call before checking one value against another, so every bad value is named, not only the first. */
    public void throwIfAnyFailed() {
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }

    /** A page size from 1 to {@code max}. */
    public static Function<String, Integer> limitUpTo(int max) {
        return text -> {
            try {
                int limit = Integer.parseInt(text);
                if (limit >= 1 && limit <= max) {
                    return limit;
                }
            } catch (NumberFormatException notANumber) {
                // answered below, like a number out of range
            }
            throw new InvalidValueException(LIMIT, "must be a whole number from 1 to " + max);
        };
    }

    public static Instant instant(String text) {
        try {
            return supported(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            throw new InvalidValueException("instant", "must be an ISO 8601 instant such as 2026-03-08T13:24:40Z");
        }
    }

    /** @throws InvalidValueException if the instant lies outside the years 1 to 9999 */
    public static Instant supported(Instant instant) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            throw new InvalidValueException("instant", "must lie in the years 1 to 9999");
        }
        return instant;
    }
}
