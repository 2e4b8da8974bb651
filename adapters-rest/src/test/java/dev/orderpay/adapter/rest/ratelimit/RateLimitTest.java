package dev.orderpay.adapter.rest.ratelimit;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "6000/1m, 6000, PT1M",
            "10/1s, 10, PT1S",
            "5/2h, 5, PT2H",
            "' 100/1D ', 100, PT24H",
            "1000000000/90s, 1000000000, PT1M30S"})
    void given_requests_per_period_when_parsed_then_both_are_read(String value, long requests, Duration period) {
        RateLimit limit = RateLimit.parse(Settings.MERCHANT, value);

        assertThat(limit).isEqualTo(new RateLimit(requests, period));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "6000", "6000/", "/1m", "6000/1", "6000/m", "6000/500ms", "6000/1m/1s", "1e3/1s",
            "-1/1s", "0/1s", "6000/0s", "6000/2d", "1000000001/1s", "lots/1m"})
    void given_anything_else_when_parsed_then_startup_stops_naming_the_setting_and_its_variable(String value) {
        assertThatThrownBy(() -> RateLimit.parse(Settings.MERCHANT, value))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("orderpay.rate-limit.merchant (ORDERPAY_RATE_LIMIT_MERCHANT)")
                .hasMessageContaining("\"" + value + "\"");
    }

    @Test
    void given_two_instances_when_a_limit_is_shared_then_each_enforces_half_rounded_down() {
        RateLimit limit = RateLimit.parse(Settings.PUBLIC, "6001/1m");

        assertThat(limit.shareOf(2, Settings.PUBLIC)).isEqualTo(new RateLimit(3000, Duration.ofMinutes(1)));
        assertThat(limit.shareOf(1, Settings.PUBLIC)).isEqualTo(limit);
    }

    @Test
    void given_fewer_requests_than_instances_when_shared_then_startup_stops() {
        RateLimit limit = RateLimit.parse(Settings.CALLBACKS, "2/1s");

        assertThatThrownBy(() -> limit.shareOf(3, Settings.CALLBACKS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ORDERPAY_RATE_LIMIT_CALLBACKS")
                .hasMessageContaining("orderpay.rate-limit.instances");
    }

    @Test
    void given_a_limit_when_stated_as_a_policy_then_the_window_is_in_seconds() {
        assertThat(Headers.policy("merchant", RateLimit.parse(Settings.MERCHANT, "6000/1m")))
                .isEqualTo("\"merchant\";q=6000;w=60");
    }
}
