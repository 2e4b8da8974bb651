package dev.orderpay.adapter.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");

    @Test
    void delay_seconds_are_taken_as_they_are() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void an_http_date_is_the_time_from_now_until_then() {
        assertThat(RetryAfter.parse("Sun, 08 Mar 2026 12:05:30 GMT", NOW)).contains(Duration.ofSeconds(330));
    }

    @Test
    void a_date_already_past_means_now() {
        assertThat(RetryAfter.parse("Sun, 08 Mar 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "99999999999", "2026-03-08T12:05:00Z"})
    void anything_else_is_ignored(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }

    @Test
    void no_header_is_no_wait() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }
}
