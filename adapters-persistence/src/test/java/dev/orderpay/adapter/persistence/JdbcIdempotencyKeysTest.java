package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.IdempotencyKeys;
import dev.orderpay.application.port.out.IdempotencyKeys.Claim;
import dev.orderpay.application.port.out.IdempotencyKeysContract;
import dev.orderpay.domain.OrderId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

// Not transactional: each claim must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIdempotencyKeysTest extends IdempotencyKeysContract implements TestPropertyProvider {

    private static final int CLAIMERS = 16;

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotencyKeyRowRepository rows;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected IdempotencyKeys emptyKeys() {
        rows.deleteAll();
        return keys;
    }

    @Test
    void given_many_requests_with_one_key_at_once_when_all_claim_then_one_wins_and_the_others_get_its_order()
            throws Exception {
        IdempotencyKeys keys = emptyKeys();
        // Each claimer has its own order id: a loser that reported its own id would have claimed the key too.
        assertClaimedByExactlyOne(keys, Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void given_an_expired_key_when_many_requests_take_it_over_at_once_then_exactly_one_does() throws Exception {
        IdempotencyKeys keys = emptyKeys();
        OrderId expired = OrderId.newId();
        keys.claim("client-a", "key-1", "fingerprint-1", expired, Instant.now().minus(Duration.ofMinutes(1)));

        // Without the WHERE on the update, every claimer would overwrite the expired row in turn and win.
        assertClaimedByExactlyOne(keys, Instant.now().plus(Duration.ofHours(1)));
    }

    private static void assertClaimedByExactlyOne(IdempotencyKeys keys, Instant expiresAt) throws Exception {
        CyclicBarrier allReady = new CyclicBarrier(CLAIMERS);
        List<OrderId> ids = new ArrayList<>();
        List<Future<Optional<Claim>>> outcomes = new ArrayList<>();
        ExecutorService claimers = Executors.newFixedThreadPool(CLAIMERS);
        try {
            for (int i = 0; i < CLAIMERS; i++) {
                OrderId mine = OrderId.newId();
                ids.add(mine);
                Callable<Optional<Claim>> claim = () -> {
                    allReady.await(30, TimeUnit.SECONDS);
                    return keys.claim("client-a", "key-1", "fingerprint-1", mine, expiresAt);
                };
                outcomes.add(claimers.submit(claim));
            }
            List<Optional<Claim>> results = new ArrayList<>();
            for (Future<Optional<Claim>> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
            OrderId winner = ids.get(results.indexOf(Optional.<Claim>empty()));
            assertThat(results).filteredOn(Optional::isPresent)
                    .hasSize(CLAIMERS - 1)
                    .allSatisfy(earlier -> assertThat(earlier).contains(new Claim("fingerprint-1", winner)));
        } finally {
            claimers.shutdownNow();
        }
    }
}
