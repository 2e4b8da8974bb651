package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.IdempotentRequests.Claim;
import dev.orderpay.application.port.out.IdempotentRequests.Claimed;
import dev.orderpay.application.port.out.IdempotentRequests.Earlier;
import dev.orderpay.application.port.out.IdempotentRequests.Operation;
import dev.orderpay.application.port.out.IdempotentRequests.Request;
import dev.orderpay.application.port.out.IdempotentRequests.Standing;
import dev.orderpay.application.port.out.IdempotentRequestsContract;
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
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

// Not transactional: each step must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIdempotentRequestsTest extends IdempotentRequestsContract implements TestPropertyProvider {

    private static final int RACERS = 16;
    private static final IdempotencyKey KEY = new IdempotencyKey("client-a", "key-1");
    private static final Request CAPTURE = new Request(KEY, Operation.CAPTURE, Optional.of("order-1"), "fingerprint-1");

    @Inject
    IdempotentRequests requests;

    @Inject
    IdempotentRequestRowRepository rows;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected IdempotentRequests emptyRequests() {
        rows.deleteAll();
        return requests;
    }

    @Test
    void given_many_requests_with_one_key_at_once_when_all_claim_then_exactly_one_holds_it() throws Exception {
        IdempotentRequests requests = emptyRequests();
        Instant later = Instant.now().plus(Duration.ofHours(1));

        List<Claim> claims = race(() -> requests.claim(CAPTURE, Optional.of(UUID.randomUUID()), later, later));

        assertThat(claims).filteredOn(Claimed.class::isInstance).hasSize(1);
        assertThat(claims).filteredOn(Earlier.class::isInstance).hasSize(RACERS - 1).allSatisfy(claim ->
                assertThat(((Earlier) claim).standing()).isEqualTo(Standing.RUNNING));
    }

    @Test
    void given_an_expired_key_when_many_requests_take_it_over_at_once_then_exactly_one_does() throws Exception {
        IdempotentRequests requests = emptyRequests();
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        requests.claim(CAPTURE, Optional.empty(), past, past);
        Instant later = Instant.now().plus(Duration.ofHours(1));

        // Without the WHERE on the update, every claimer would overwrite the expired row in turn and win.
        List<Claim> claims = race(() -> requests.claim(CAPTURE, Optional.empty(), later, later));

        assertThat(claims).filteredOn(Claimed.class::isInstance).hasSize(1);
    }

    @Test
    void given_an_unsettled_request_when_many_repeats_take_it_over_at_once_then_exactly_one_does() throws Exception {
        IdempotentRequests requests = emptyRequests();
        Instant later = Instant.now().plus(Duration.ofHours(1));
        requests.unsettled(((Claimed) requests.claim(CAPTURE, Optional.empty(), later, later)).hold());

        List<Optional<IdempotentRequests.TakenOver>> takeovers = race(() -> requests.takeOver(KEY, later));

        assertThat(takeovers).filteredOn(Optional::isPresent).hasSize(1);
    }

    private static <T> List<T> race(Callable<T> step) throws Exception {
        CyclicBarrier allReady = new CyclicBarrier(RACERS);
        List<Future<T>> outcomes = new ArrayList<>();
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            for (int i = 0; i < RACERS; i++) {
                outcomes.add(racers.submit(() -> {
                    allReady.await(30, TimeUnit.SECONDS);
                    return step.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            racers.shutdownNow();
        }
    }
}
