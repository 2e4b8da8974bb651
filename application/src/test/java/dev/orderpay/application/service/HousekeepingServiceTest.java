package dev.orderpay.application.service;

import dev.orderpay.application.port.out.InMemoryDeliveryLog;
import dev.orderpay.application.port.out.InMemoryIdempotencyKeys;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HousekeepingServiceTest {

    private static final Duration RETENTION = Duration.ofDays(30);

    @Test
    void given_more_expired_keys_than_one_batch_then_one_run_forgets_them_all_and_keeps_live_ones() {
        InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys(Clock.systemUTC());
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        for (int i = 0; i < 2_500; i++) {
            keys.claim("client", "expired-" + i, "f", OrderId.newId(), past);
        }
        OrderId live = OrderId.newId();
        keys.claim("client", "live", "f", live, Instant.now().plus(Duration.ofHours(1)));

        int forgotten = new HousekeepingService(keys, new InMemoryDeliveryLog(), Clock.systemUTC(), RETENTION)
                .forgetExpiredIdempotencyKeys();

        assertThat(forgotten).isEqualTo(2_500);
        assertThat(keys.claim("client", "live", "f", OrderId.newId(), Instant.now().plus(Duration.ofHours(1))))
                .hasValueSatisfying(claim -> assertThat(claim.orderId()).isEqualTo(live));
    }

    @Test
    void given_deliveries_older_and_younger_than_the_retention_then_only_the_old_ones_are_forgotten() {
        TestClock clock = TestClock.standingAt(Instant.parse("2026-12-01T00:00:00Z"));
        InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog(clock);
        for (int i = 0; i < 1_500; i++) {
            deliveries.record("old-" + i);
        }
        clock.advance(RETENTION);
        deliveries.record("recent");
        clock.advance(Duration.ofSeconds(1));
        HousekeepingService housekeeping = new HousekeepingService(new InMemoryIdempotencyKeys(clock), deliveries,
                clock, RETENTION);

        int forgotten = housekeeping.forgetOldNotificationDeliveries();

        assertThat(forgotten).isEqualTo(1_500);
        assertThat(deliveries.contains("old-0")).isFalse();
        assertThat(deliveries.contains("recent")).isTrue();
    }
}
