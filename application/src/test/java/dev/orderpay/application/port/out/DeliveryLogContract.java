package dev.orderpay.application.port.out;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DeliveryLog} must do. Each implementation's test extends this class and supplies a log with
 * no deliveries in it.
 */
public abstract class DeliveryLogContract {

    /** A log that has recorded nothing yet. */
    protected abstract DeliveryLog emptyLog();

    @Test
    void a_delivery_never_recorded_is_not_contained() {
        assertThat(emptyLog().contains("delivery-1")).isFalse();
    }

    @Test
    void a_recorded_delivery_is_contained_and_no_other() {
        DeliveryLog log = emptyLog();

        log.record("delivery-1");

        assertThat(log.contains("delivery-1")).isTrue();
        assertThat(log.contains("delivery-2")).isFalse();
        // Provider ids are compared exactly, as the provider sent them.
        assertThat(log.contains("DELIVERY-1")).isFalse();
    }

    @Test
    void recording_the_same_delivery_twice_is_harmless() {
        DeliveryLog log = emptyLog();
        log.record("delivery-1");

        log.record("delivery-1");

        assertThat(log.contains("delivery-1")).isTrue();
    }

    @Test
    void deliveries_handled_before_the_cutoff_are_forgotten_a_batch_at_a_time_and_later_ones_kept() {
        DeliveryLog log = emptyLog();
        log.record("delivery-1");
        log.record("delivery-2");
        log.record("delivery-3");
        // Minutes of margin: the database's clock stamps the deliveries, this test's clock the cutoffs.
        Instant beforeAll = Instant.now().minus(Duration.ofHours(1));
        Instant afterAll = Instant.now().plus(Duration.ofMinutes(5));

        assertThat(log.forgetHandledBefore(beforeAll, 10)).isZero();
        assertThat(log.contains("delivery-1")).isTrue();
        assertThat(log.forgetHandledBefore(afterAll, 2)).isEqualTo(2);
        assertThat(log.forgetHandledBefore(afterAll, 2)).isEqualTo(1);
        assertThat(log.contains("delivery-1") || log.contains("delivery-2") || log.contains("delivery-3")).isFalse();
    }
}
