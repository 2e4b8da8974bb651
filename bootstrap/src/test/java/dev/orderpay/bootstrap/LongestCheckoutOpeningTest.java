package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LongestCheckoutOpeningTest {

    @Test
    void given_the_default_settings_then_a_checkout_may_take_a_little_over_six_minutes_to_open() {
        // A call: 3 s + 10 s. A token request: 3 calls and waits of 125 ms and 250 ms = 39.375 s; after a 429:
        // twice that and 5 s = 83.75 s; after waiting for another's: 167.5 s. With the session: 180.5 s; after a
        // 401, twice that: 361 s.
        LongestCheckoutOpening longest = new LongestCheckoutOpening(Duration.ofSeconds(3), Duration.ofSeconds(10), 2,
                Duration.ofMillis(100), 2, 0.25, Duration.ofSeconds(5));

        assertThat(longest.value()).isEqualTo(Duration.ofMillis(361_000).plus(LongestCheckoutOpening.SLACK));
    }

    @Test
    void given_no_retries_then_each_token_request_is_one_call() {
        // A token request 2 s; after a 429: 4 s; after waiting for another's: 8 s; with the session 10 s; twice: 20 s.
        LongestCheckoutOpening longest = new LongestCheckoutOpening(Duration.ofMillis(500), Duration.ofMillis(1500), 0,
                Duration.ofMillis(100), 2, 0.25, Duration.ZERO);

        assertThat(longest.value()).isEqualTo(Duration.ofSeconds(20).plus(LongestCheckoutOpening.SLACK));
    }

    @Test
    void given_longer_timeouts_then_the_opening_may_take_longer() {
        Duration withDefaults = new LongestCheckoutOpening(Duration.ofSeconds(3), Duration.ofSeconds(10), 2,
                Duration.ofMillis(100), 2, 0.25, Duration.ofSeconds(5)).value();
        Duration withSlowerReads = new LongestCheckoutOpening(Duration.ofSeconds(3), Duration.ofSeconds(30), 2,
                Duration.ofMillis(100), 2, 0.25, Duration.ofSeconds(5)).value();

        assertThat(withSlowerReads).isGreaterThan(withDefaults);
    }
}
