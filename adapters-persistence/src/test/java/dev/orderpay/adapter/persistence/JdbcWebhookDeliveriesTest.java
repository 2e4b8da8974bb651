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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    @Test
    void given_a_long_backlog_a_claim_reads_about_as_many_deliveries_as_it_claims() throws SQLException {
        emptyStorage();
        endpoints.addWithinLimit(TestWebhookEndpoints.anEndpoint().build(), 16);
        Order order = TestOrders.anOrder().createdAt(NOW.minusSeconds(600)).build();
        orders.add(order, NOT_HELD);
        Order loaded = orders.findById(order.id()).orElseThrow();
        loaded.attachSession(TestOrders.sessionFor("S-" + order.id()));
        orders.update(loaded, TestEvents.of(loaded, order.createdAt()));
        try (Connection connection = PostgresTestDatabase.openConnection()) {
            // Beside the delivery the update made: 2,000 more pending to the endpoint, each of its own order, and
            // 1,000 delivered, as a backlog after a burst of creates and a month of history leave the table.
            try (Statement backlog = connection.createStatement()) {
                backlog.execute("""
                        INSERT INTO webhook_deliveries
                            (id, event_id, endpoint_id, order_id, sequence, state, attempts, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), d.event_id, d.endpoint_id, gen_random_uuid(), 1,
                               CASE WHEN g <= 1000 THEN 'DELIVERED' ELSE 'PENDING' END, 0,
                               CASE WHEN g > 1000 THEN d.next_attempt_at - g * interval '1 millisecond' END,
                               d.created_at
                        FROM webhook_deliveries d CROSS JOIN generate_series(1, 3000) AS g""");
            }
            // Before the table is analysed, as right after a burst on a server whose autovacuum has not come by.
            ExecutedPlan unanalysed = executedClaim(connection);
            connection.setAutoCommit(true);
            try (Statement analyse = connection.createStatement()) {
                analyse.execute("ANALYZE webhook_deliveries");
            }

            ExecutedPlan analysed = executedClaim(connection);

            // 4 claimed (the room of one endpoint): the old claim read every pending delivery twice, 4,000 rows, and
            // without statistics its ordering check read the whole backlog for every row it looked at.
            assertThat(unanalysed.deliveryRowsRead()).as(unanalysed.json()).isLessThan(100);
            assertThat(analysed.deliveryRowsRead()).as(analysed.json()).isLessThan(100);
        }
    }

    /**
     * One claim (4 per endpoint, at most 32) run with EXPLAIN ANALYZE in a transaction that is rolled back, so nothing
     * stays claimed, with how many rows of webhook_deliveries its scans returned or dropped by their filters.
     */
    private static ExecutedPlan executedClaim(Connection connection) throws SQLException {
        String claim = WebhookDeliveryRowRepository.CLAIM_DUE
                .replace(":now", "CAST('" + NOW + "' AS timestamptz)")
                .replace(":claimedUntil", "CAST('" + NOW.plus(Duration.ofMinutes(2)) + "' AS timestamptz)")
                .replace(":limit", "32")
                .replace(":perEndpoint", "4");
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION pg_temp.executed_plan(query text) RETURNS jsonb LANGUAGE plpgsql AS $$
                    DECLARE plan json;
                    BEGIN
                        EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || query INTO plan;
                        RETURN plan;
                    END $$""");
            try (PreparedStatement read = connection.prepareStatement("""
                    WITH executed AS (SELECT pg_temp.executed_plan(?) AS plan)
                    SELECT plan::text,
                           (SELECT coalesce(sum((node ->> 'Actual Rows')::bigint * (node ->> 'Actual Loops')::bigint
                                                + coalesce((node ->> 'Rows Removed by Filter')::bigint, 0)), 0)
                            FROM jsonb_path_query(plan, 'strict $.**') AS node
                            WHERE jsonb_typeof(node) = 'object'
                              AND node ->> 'Relation Name' = 'webhook_deliveries')
                    FROM executed""")) {
                read.setString(1, claim);
                try (ResultSet result = read.executeQuery()) {
                    result.next();
                    return new ExecutedPlan(result.getString(1), result.getLong(2));
                }
            }
        } finally {
            connection.rollback();
        }
    }

    private record ExecutedPlan(String json, long deliveryRowsRead) {
    }
}
