package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.OrderRepositoryContract;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestOrders;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Not transactional: each repository call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcOrderRepositoryTest extends OrderRepositoryContract implements TestPropertyProvider {

    private static final int WRITERS = 16;
    private static final int CLAIMERS = 8;
    private static final Instant CUTOFF = Instant.parse("2026-03-08T14:00:00Z");
    private static final Instant NOW = CUTOFF.plus(Duration.ofMinutes(15));
    private static final Instant CLAIMED_UNTIL = NOW.plus(Duration.ofMinutes(5));

    @Inject
    OrderRepository repository;

    @Inject
    OrderRowRepository rows;

    @Inject
    StatusChangeRowRepository historyRows;

    @Inject
    EventRowRepository eventRows;

    @Inject
    EventLog events;

    @Inject
    WebhookEndpointRowRepository endpointRows;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookDeliveries deliveries;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected OrderRepository emptyRepository() {
        // History and events first: their rows refer to the orders. Their deliveries and attempts go with them.
        eventRows.deleteAll();
        endpointRows.deleteAll();
        historyRows.deleteAll();
        rows.deleteAll();
        return repository;
    }

    @Override
    protected EventLog events() {
        return events;
    }

    @Override
    protected WebhookEndpoints endpoints() {
        return endpoints;
    }

    @Override
    protected WebhookDeliveries deliveries() {
        return deliveries;
    }

    @Test
    void given_many_writers_holding_the_same_version_when_all_update_then_exactly_one_wins_and_records_history()
            throws Exception {
        Order order = TestOrders.anOrderWithCheckout().build();
        emptyRepository().add(order, NOT_HELD);
        // Every writer loads its copy before any of them writes, so all copies carry version 0.
        CyclicBarrier allLoaded = new CyclicBarrier(WRITERS);
        Callable<Boolean> authorizeAndSave = () -> {
            Order copy = repository.findById(order.id()).orElseThrow();
            copy.followProvider(OrderStatus.AUTHORIZED, TestOrders.BY_TEST);
            allLoaded.await(30, TimeUnit.SECONDS);
            try {
                repository.update(copy, TestEvents.of(copy));
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
        // Every loser's history insert went down with its refused update.
        assertThat(repository.history(order.id())).hasSize(1);
    }

    @Test
    void given_a_stored_order_when_it_is_updated_then_its_row_records_when() {
        Order order = TestOrders.anOrderWithCheckout().build();
        emptyRepository().add(order, NOT_HELD);
        Order loaded = repository.findById(order.id()).orElseThrow();
        loaded.followProvider(OrderStatus.CAPTURED, TestOrders.BY_TEST);
        Instant beforeUpdate = Instant.now().truncatedTo(ChronoUnit.MICROS);

        repository.update(loaded, TestEvents.of(loaded));

        OrderRow row = rows.findById(order.id().value()).orElseThrow();
        assertThat(row.updatedAt()).isAfterOrEqualTo(beforeUpdate);
        assertThat(row.createdAt()).isEqualTo(order.createdAt());
    }

    @Test
    void given_an_order_that_was_never_added_when_it_is_updated_then_the_update_is_refused_as_a_conflict() {
        Order neverAdded = TestOrders.anOrder().build();

        assertThatThrownBy(() -> emptyRepository().update(neverAdded, TestEvents.of(neverAdded)))
                .isInstanceOf(ConcurrentOrderUpdateException.class);
    }

    @Test
    void given_an_order_locked_by_another_transaction_when_claiming_then_it_is_skipped_without_waiting()
            throws Exception {
        Order locked = anUnsettledOrderCreatedAt(CUTOFF.minusSeconds(120));
        Order free = anUnsettledOrderCreatedAt(CUTOFF.minusSeconds(60));
        OrderRepository empty = emptyRepository();
        List.of(locked, free).forEach(order -> empty.add(order, NOT_HELD));

        List<OrderId> whileLocked;
        try (Connection otherClaimer = PostgresTestDatabase.openConnection()) {
            otherClaimer.setAutoCommit(false);
            lockRow(otherClaimer, locked.id());
            // On another thread, so that a claim waiting for the lock (no SKIP LOCKED) fails here instead of hanging.
            whileLocked = CompletableFuture.supplyAsync(this::claimIds).get(10, TimeUnit.SECONDS);
            otherClaimer.rollback();
        }

        assertThat(whileLocked).containsExactly(free.id());
        assertThat(claimIds()).containsExactly(locked.id());
    }

    @Test
    void given_many_claimers_at_once_when_each_claims_until_none_is_left_then_every_order_is_claimed_exactly_once()
            throws Exception {
        OrderRepository repository = emptyRepository();
        List<OrderId> added = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Order order = anUnsettledOrderCreatedAt(CUTOFF.minusSeconds(1000 - i));
            repository.add(order, NOT_HELD);
            added.add(order.id());
        }
        CyclicBarrier allReady = new CyclicBarrier(CLAIMERS);
        Callable<List<OrderId>> claimUntilNoneLeft = () -> {
            allReady.await(30, TimeUnit.SECONDS);
            List<OrderId> mine = new ArrayList<>();
            List<Order> batch;
            do {
                batch = repository.claimUnsettled(CUTOFF, NOW, CLAIMED_UNTIL, 3);
                batch.forEach(order -> mine.add(order.id()));
            } while (!batch.isEmpty());
            return mine;
        };

        List<OrderId> claimed = new ArrayList<>();
        ExecutorService claimers = Executors.newFixedThreadPool(CLAIMERS);
        try {
            List<Future<List<OrderId>>> outcomes = new ArrayList<>();
            for (int i = 0; i < CLAIMERS; i++) {
                outcomes.add(claimers.submit(claimUntilNoneLeft));
            }
            for (Future<List<OrderId>> outcome : outcomes) {
                claimed.addAll(outcome.get(60, TimeUnit.SECONDS));
            }
        } finally {
            claimers.shutdownNow();
        }

        // Duplicates would mean two instances asking the provider about the same order (no row lock on the pick).
        assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(added);
    }

    private List<OrderId> claimIds() {
        return repository.claimUnsettled(CUTOFF, NOW, CLAIMED_UNTIL, 10).stream().map(Order::id).toList();
    }

    private static Order anUnsettledOrderCreatedAt(Instant createdAt) {
        return TestOrders.anOrderWithCheckout().createdAt(createdAt).build();
    }

    private static void lockRow(Connection connection, OrderId id) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM orders WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, id.value());
            try (ResultSet locked = lock.executeQuery()) {
                assertThat(locked.next()).isTrue();
            }
        }
    }
}
