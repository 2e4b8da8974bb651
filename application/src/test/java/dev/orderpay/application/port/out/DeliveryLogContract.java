package dev.orderpay.application.port.out;

import org.junit.jupiter.api.Test;

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
}
