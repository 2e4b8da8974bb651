package dev.orderpay.application.port.out;

import dev.orderpay.application.port.out.IdempotencyKeys.Claim;
import dev.orderpay.domain.OrderId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link IdempotencyKeys} must do. Each implementation's test extends this class and supplies storage
 * with no claims in it. Expiry is judged against the real current time, as in production.
 */
public abstract class IdempotencyKeysContract {

    private static final Duration LIFETIME = Duration.ofHours(24);

    /** Storage that holds no claims yet. */
    protected abstract IdempotencyKeys emptyKeys();

    @Test
    void given_an_unused_key_when_claimed_then_the_claim_is_ours() {
        Optional<Claim> earlier = emptyKeys().claim("client-a", "key-1", "fingerprint-1", OrderId.newId(), later());

        assertThat(earlier).isEmpty();
    }

    @Test
    void given_a_claimed_key_when_claimed_again_then_the_earlier_claim_is_returned_unchanged() {
        IdempotencyKeys keys = emptyKeys();
        OrderId first = OrderId.newId();
        keys.claim("client-a", "key-1", "fingerprint-1", first, later());

        Optional<Claim> repeat = keys.claim("client-a", "key-1", "fingerprint-2", OrderId.newId(), later());
        Optional<Claim> again = keys.claim("client-a", "key-1", "fingerprint-1", OrderId.newId(), later());

        assertThat(repeat).contains(new Claim("fingerprint-1", first));
        assertThat(again).as("a repeat does not replace the claim").contains(new Claim("fingerprint-1", first));
    }

    @Test
    void given_a_key_claimed_by_one_client_when_another_client_claims_the_same_key_then_both_claims_stand() {
        IdempotencyKeys keys = emptyKeys();
        OrderId ofA = OrderId.newId();
        OrderId ofB = OrderId.newId();

        Optional<Claim> byA = keys.claim("client-a", "key-1", "fingerprint-1", ofA, later());
        Optional<Claim> byB = keys.claim("client-b", "key-1", "fingerprint-1", ofB, later());

        assertThat(byA).isEmpty();
        assertThat(byB).isEmpty();
        assertThat(keys.claim("client-a", "key-1", "fingerprint-1", OrderId.newId(), later()))
                .contains(new Claim("fingerprint-1", ofA));
        assertThat(keys.claim("client-b", "key-1", "fingerprint-1", OrderId.newId(), later()))
                .contains(new Claim("fingerprint-1", ofB));
    }

    @Test
    void given_a_client_with_a_claimed_key_when_it_claims_another_key_then_that_claim_is_its_own() {
        IdempotencyKeys keys = emptyKeys();
        keys.claim("client-a", "key-1", "fingerprint-1", OrderId.newId(), later());

        // Keys are compared exactly: a different case is a different key.
        assertThat(keys.claim("client-a", "key-2", "fingerprint-1", OrderId.newId(), later())).isEmpty();
        assertThat(keys.claim("client-a", "KEY-1", "fingerprint-1", OrderId.newId(), later())).isEmpty();
    }

    @Test
    void given_an_expired_claim_when_the_key_is_claimed_again_then_the_new_claim_takes_over() {
        IdempotencyKeys keys = emptyKeys();
        keys.claim("client-a", "key-1", "fingerprint-1", OrderId.newId(), Instant.now().minus(Duration.ofMinutes(1)));
        OrderId second = OrderId.newId();

        Optional<Claim> takeover = keys.claim("client-a", "key-1", "fingerprint-2", second, later());
        Optional<Claim> afterTakeover = keys.claim("client-a", "key-1", "fingerprint-3", OrderId.newId(), later());

        assertThat(takeover).isEmpty();
        assertThat(afterTakeover).contains(new Claim("fingerprint-2", second));
    }

    @Test
    void given_expired_and_live_claims_when_expired_ones_are_forgotten_then_only_the_live_ones_remain() {
        IdempotencyKeys keys = emptyKeys();
        OrderId live = OrderId.newId();
        keys.claim("client-a", "live", "fingerprint-1", live, later());
        keys.claim("client-a", "expired-1", "fingerprint-1", OrderId.newId(), Instant.now().minusSeconds(60));
        keys.claim("client-b", "expired-2", "fingerprint-1", OrderId.newId(), Instant.now().minusSeconds(60));

        int forgottenInTheFirstBatch = keys.forgetExpired(1);
        int forgottenInTheSecondBatch = keys.forgetExpired(10);

        assertThat(forgottenInTheFirstBatch).isEqualTo(1);
        assertThat(forgottenInTheSecondBatch).isEqualTo(1);
        assertThat(keys.forgetExpired(10)).isZero();
        assertThat(keys.claim("client-a", "live", "fingerprint-1", OrderId.newId(), later()))
                .contains(new Claim("fingerprint-1", live));
    }

    private static Instant later() {
        return Instant.now().plus(LIFETIME);
    }
}
