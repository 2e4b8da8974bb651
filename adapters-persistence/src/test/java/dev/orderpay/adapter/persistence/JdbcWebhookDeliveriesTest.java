package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.event.TestEvents;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.TestOrders;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcWebhookDeliveriesTest extends WebhookDeliveriesContract implements TestPropertyProvider {

    private static final int CLAIMERS = 8;
    private static final int DELIVERIES = 200;
    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");

    @Inject
    OrderRepository orders;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookStorage storage;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected Storage emptyStorage() {
        return storage.emptied();
    }

    @Test
    void given_many_instances_claiming_at_once_then_no_delivery_is_claimed_twice() throws Exception {
        emptyStorage();
        for (int i = 0; i < 4; i++) {
            endpoints.addWithinLimit(TestWebhookEndpoints.anEndpoint().build(), 16);
        }
        for (int i = 0; i < DELIVERIES / 4; i++) {
            Order order = TestOrders.anOrder().createdAt(NOW.minusSeconds(600 - i)).build();
            orders.add(order, NOT_HELD);
            Order loaded = orders.findById(order.id()).orElseThrow();
            loaded.attachSession(TestOrders.sessionFor("S-" + order.id()));
            orders.update(loaded, TestEvents.of(loaded, order.createdAt()));
        }
        CyclicBarrier together = new CyclicBarrier(CLAIMERS);
        Callable<List<WebhookDeliveryId>> claimer = () -> {
            together.await(30, TimeUnit.SECONDS);
            List<WebhookDeliveryId> mine = new ArrayList<>();
            List<DueDelivery> batch;
            do {
                batch = deliveries.claimDue(NOW, NOW.plus(Duration.ofMinutes(2)), 7, DELIVERIES);
                batch.forEach(due -> mine.add(due.id()));
            } while (!batch.isEmpty());
            return mine;
        };
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        List<Future<List<WebhookDeliveryId>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < CLAIMERS; i++) {
                results.add(pool.submit(claimer));
            }
            List<WebhookDeliveryId> all = new ArrayList<>();
            for (Future<List<WebhookDeliveryId>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            Set<WebhookDeliveryId> distinct = new HashSet<>(all);

            assertThat(all).hasSize(DELIVERIES);
            assertThat(distinct).hasSize(DELIVERIES);
        } finally {
            pool.shutdownNow();
        }
    }
}
