package dev.orderpay.adapter.webhooks;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/** A receiver's {@code Retry-After}: delay seconds or an HTTP-date (RFC 9110); anything else is ignored. */
final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,10}");

    private RetryAfter() {
    }

    /** How long the receiver asks to wait from {@code now}; zero for a date already past. */
    static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (SECONDS.matcher(trimmed).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeException unreadable) {
            return Optional.empty();
        }
    }
}
