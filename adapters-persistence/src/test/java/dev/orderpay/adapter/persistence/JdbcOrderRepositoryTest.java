package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.OrderRepositoryContract;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestOrders;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Not transactional: each repository call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcOrderRepositoryTest extends OrderRepositoryContract implements TestPropertyProvider {

    private static final int WRITERS = 16;

    @Inject
    OrderRepository repository;

    @Inject
    OrderRowRepository rows;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected OrderRepository emptyRepository() {
        rows.deleteAll();
        return repository;
    }

    @Test
    void given_many_writers_holding_the_same_version_when_all_update_then_exactly_one_wins() throws Exception {
        Order order = TestOrders.anOrderWithCheckout().build();
        emptyRepository().add(order);
        // Every writer loads its copy before any of them writes, so all copies carry version 0.
        CyclicBarrier allLoaded = new CyclicBarrier(WRITERS);
        Callable<Boolean> authorizeAndSave = () -> {
            Order copy = repository.findById(order.id()).orElseThrow();
            copy.followProvider(OrderStatus.AUTHORIZED);
            allLoaded.await(30, TimeUnit.SECONDS);
            try {
                repository.update(copy);
                return true;
            } catch (ConcurrentOrderUpdateException lost) {
                return false;
            }
        };

        List<Boolean> saved = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                outcomes.add(writers.submit(authorizeAndSave));
            }
            for (Future<Boolean> outcome : outcomes) {
                saved.add(outcome.get(60, TimeUnit.SECONDS));
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(saved).containsOnlyOnce(true).hasSize(WRITERS);
        Order stored = repository.findById(order.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(OrderStatus.AUTHORIZED);
    }

    @Test
    void given_a_stored_order_when_it_is_updated_then_its_row_records_when() {
        Order order = TestOrders.anOrderWithCheckout().build();
        emptyRepository().add(order);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.CAPTURED);
        Instant beforeUpdate = Instant.now().truncatedTo(ChronoUnit.MICROS);

        repository.update(loaded);

        OrderRow row = rows.findById(order.id().value()).orElseThrow();
        assertThat(row.updatedAt()).isAfterOrEqualTo(beforeUpdate);
        assertThat(row.createdAt()).isEqualTo(order.createdAt());
    }

    @Test
    void given_an_order_that_was_never_added_when_it_is_updated_then_the_update_is_refused_as_a_conflict() {
        Order neverAdded = TestOrders.anOrder().build();

        assertThatThrownBy(() -> emptyRepository().update(neverAdded))
                .isInstanceOf(ConcurrentOrderUpdateException.class);
    }
}
