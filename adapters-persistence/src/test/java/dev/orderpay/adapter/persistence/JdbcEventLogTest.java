package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.event.EventLogContract;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract;
import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.Storage;
import dev.orderpay.domain.Order;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.announced;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcEventLogTest extends EventLogContract implements TestPropertyProvider {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

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
    void a_forgotten_events_delivery_attempts_are_deleted_with_it() throws SQLException {
        Storage emptied = emptyStorage();
        endpoint(emptied);
        announced(emptied, NOW.minusSeconds(60));
        for (DueDelivery due : emptied.deliveries().claimDue(NOW, NOW.plusSeconds(60), 10, 10)) {
            emptied.deliveries().record(due.id(), WebhookDeliveriesContract.delivered(NOW));
        }
        assertThat(count("webhook_delivery_attempts")).isEqualTo(1);

        emptied.events().forgetBefore(NOW, 10);

        assertThat(count("events")).isZero();
        assertThat(count("webhook_deliveries")).isZero();
        assertThat(count("webhook_delivery_attempts")).isZero();
    }

    @Test
    void forgetting_reads_the_old_events_through_the_index_on_their_time() throws SQLException {
        Order order = announced(emptyStorage(), NOW);
        try (Connection connection = PostgresTestDatabase.openConnection()) {
            // A month and a half of events, one every ten minutes: the last two weeks' are past a 30-day retention.
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO events (id, type, order_id, sequence, created_at, payload)
                    SELECT gen_random_uuid(), 'order.authorized', ?, 1 + g, ?::timestamptz - g * interval '10 minutes', '{}'
                    FROM generate_series(1, 6500) AS g""")) {
                insert.setObject(1, order.id().value());
                insert.setTimestamp(2, Timestamp.from(NOW));
                insert.executeUpdate();
            }
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("ANALYZE events");
                analyze.execute("ANALYZE webhook_deliveries");
            }

            String plan = explain(connection, NOW.minus(RETENTION));

            assertThat(plan).contains("Index Scan Backward using events_newest_first on events e")
                    .contains("Index Cond: (created_at <").contains("Index Scan on events_pkey")
                    .doesNotContain("Seq Scan on events");
        }
    }

    private static String explain(Connection connection, Instant cutoff) throws SQLException {
        String forget = EventRowRepository.FORGET_BEFORE.replace(":cutoff", "?").replace(":limit", "?");
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + forget)) {
            explain.setTimestamp(1, Timestamp.from(cutoff));
            explain.setInt(2, 1_000);
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static long count(String table) throws SQLException {
        try (Connection connection = PostgresTestDatabase.openConnection();
             Statement query = connection.createStatement();
             // The table names are this test's own constants.
             ResultSet rows = query.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
