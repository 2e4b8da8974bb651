package dev.orderpay.application.service;

import dev.orderpay.application.port.out.InMemoryIdempotencyKeys;
import dev.orderpay.domain.OrderId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HousekeepingServiceTest {

    @Test
    void given_more_expired_keys_than_one_batch_then_one_run_forgets_them_all_and_keeps_live_ones() {
        InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys(Clock.systemUTC());
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        for (int i = 0; i < 2_500; i++) {
            keys.claim("client", "expired-" + i, "f", OrderId.newId(), past);
        }
        OrderId live = OrderId.newId();
        keys.claim("client", "live", "f", live, Instant.now().plus(Duration.ofHours(1)));

        int forgotten = new HousekeepingService(keys).forgetExpiredIdempotencyKeys();

        assertThat(forgotten).isEqualTo(2_500);
        assertThat(keys.claim("client", "live", "f", OrderId.newId(), Instant.now().plus(Duration.ofHours(1))))
                .hasValueSatisfying(claim -> assertThat(claim.orderId()).isEqualTo(live));
    }
}
