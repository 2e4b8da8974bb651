package dev.orderpay.domain.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    private static final List<Duration> DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30));

    @Test
    void given_the_middle_of_the_random_range_then_each_delay_is_as_planned() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, drawing(0.5));

        assertThat(schedule.delayAfter(1)).contains(Duration.ofMinutes(1));
        assertThat(schedule.delayAfter(2)).contains(Duration.ofMinutes(5));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofMinutes(30));
    }

    @Test
    void given_the_ends_of_the_random_range_then_a_delay_moves_by_a_fifth_at_most() {
        assertThat(new RetrySchedule(DELAYS, drawing(0.0)).delayAfter(2)).contains(Duration.ofMinutes(4));
        assertThat(new RetrySchedule(DELAYS, drawing(0.999_999)).delayAfter(2).orElseThrow())
                .isLessThan(Duration.ofMinutes(6)).isGreaterThan(Duration.ofSeconds(359));
    }

    @Test
    void given_real_randomness_then_every_delay_stays_within_a_fifth_of_the_plan() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, new SplittableRandom(7));

        for (int i = 0; i < 1_000; i++) {
            assertThat(schedule.delayAfter(3).orElseThrow())
                    .isBetween(Duration.ofMinutes(24), Duration.ofMinutes(36));
        }
    }

    @Test
    void given_as_many_failed_attempts_as_delays_then_no_retry_is_left() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, drawing(0.5));

        assertThat(schedule.delayAfter(3)).isPresent();
        assertThat(schedule.delayAfter(4)).isEmpty();
    }

    @Test
    void given_no_delays_then_the_first_attempt_is_the_only_one() {
        RetrySchedule schedule = new RetrySchedule(List.of(), drawing(0.5));

        assertThat(schedule.delayAfter(1)).isEmpty();
    }

    @Test
    void given_a_retry_after_longer_than_the_delay_then_it_is_honoured_up_to_the_longest_delay() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, drawing(0.5));

        assertThat(schedule.honouring(Duration.ofMinutes(1), Optional.of(Duration.ofMinutes(10))))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.honouring(Duration.ofMinutes(5), Optional.of(Duration.ofSeconds(30))))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.honouring(Duration.ofMinutes(1), Optional.of(Duration.ofDays(365))))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.honouring(Duration.ofMinutes(1), Optional.empty())).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void given_a_delay_that_is_not_positive_then_the_schedule_is_refused() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), drawing(0.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A source of randomness whose every draw in [0, 1) is {@code value}. */
    private static RandomGenerator drawing(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only doubles are drawn");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
