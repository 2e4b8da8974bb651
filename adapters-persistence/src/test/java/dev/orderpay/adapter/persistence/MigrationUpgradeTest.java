package dev.orderpay.adapter.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrations as an existing database meets them: a schema holding orders written under V1 is brought up to
 * V2 and to V3. Each test works in a schema of its own, so the schema the other tests use is never touched.
 */
class MigrationUpgradeTest {

    // Made of hex digits only, so it is safe to splice into SQL, which takes no bound parameters for names.
    private final String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = PostgresTestDatabase.openConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void given_orders_written_under_v1_when_v2_is_applied_then_they_keep_their_values_and_are_unclaimed()
            throws SQLException {
        flywayUpTo("1").migrate();
        UUID order = UUID.randomUUID();
        execute("INSERT INTO " + schema + ".orders (id, amount_minor, currency, receipt, status, created_at,"
                + " updated_at, version) VALUES (?, 100, 'NOK', 'receipt#1', 'PENDING', now(), now(), 3)", order);

        MigrateResult result = flywayUpTo("2").migrate();

        assertThat(result.migrationsExecuted).isEqualTo(1);
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT status, version, reconcile_claimed_until FROM " + schema + ".orders WHERE id = ?")) {
            select.setObject(1, order);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("PENDING");
                assertThat(row.getLong("version")).isEqualTo(3);
                assertThat(row.getObject("reconcile_claimed_until")).isNull();
            }
        }
        // The upgraded constraint takes the new status, and the new table takes that order's history.
        execute("UPDATE " + schema + ".orders SET status = 'EXPIRED' WHERE id = ?", order);
        execute("INSERT INTO " + schema + ".order_status_history (order_id, from_status, to_status, source,"
                + " occurred_at) VALUES (?, 'PENDING', 'EXPIRED', 'RECONCILIATION', now())", order);
    }

    @Test
    void given_orders_written_under_v1_when_upgraded_to_v3_then_they_keep_their_values_and_captured_means_in_full()
            throws SQLException {
        flywayUpTo("1").migrate();
        UUID pending = UUID.randomUUID();
        UUID captured = UUID.randomUUID();
        execute("INSERT INTO " + schema + ".orders (id, amount_minor, currency, receipt, status, created_at,"
                + " updated_at, version) VALUES (?, 100, 'NOK', 'receipt#1', 'PENDING', now(), now(), 3)", pending);
        execute("INSERT INTO " + schema + ".orders (id, amount_minor, currency, receipt, status, session_id,"
                + " session_url, created_at, updated_at, version) VALUES (?, 250, 'SEK', 'receipt#2', 'CAPTURED',"
                + " 'S-1', 'https://checkout.example.test/S-1', now(), now(), 5)", captured);

        MigrateResult result = flywayUpTo("3").migrate();

        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(orderColumns(pending)).containsEntry("status", "PENDING").containsEntry("version", 3L)
                .containsEntry("captured_minor", 0L).containsEntry("refunded_minor", 0L)
                .containsEntry("payment_id", null).containsEntry("pending_operation", null);
        // Before partial captures, CAPTURED meant all of it: it stays refundable and counts in the totals.
        assertThat(orderColumns(captured)).containsEntry("status", "CAPTURED").containsEntry("version", 5L)
                .containsEntry("amount_minor", 250L).containsEntry("captured_minor", 250L)
                .containsEntry("refunded_minor", 0L).containsEntry("session_id", "S-1");
        // The upgraded constraints take the new statuses and amounts, and the new table takes a key.
        execute("UPDATE " + schema + ".orders SET status = 'PARTIALLY_REFUNDED', refunded_minor = 50,"
                + " pending_operation = 'REFUND', pending_amount_minor = 100, pending_baseline_minor = 50,"
                + " pending_started_at = now() WHERE id = ?", captured);
        execute("INSERT INTO " + schema + ".order_status_history (order_id, from_status, to_status, source,"
                + " occurred_at) VALUES (?, 'CAPTURED', 'PARTIALLY_REFUNDED', 'API', now())", captured);
        execute("INSERT INTO " + schema + ".idempotency_keys (client_id, key, fingerprint, order_id, expires_at)"
                + " VALUES ('client-a', 'key-1', 'fingerprint-1', ?, now())", pending);
    }

    @Test
    void given_idempotency_keys_of_orders_under_v10_when_v11_is_applied_then_live_ones_move_over_as_unsettled_creations()
            throws SQLException {
        flywayUpTo("10").migrate();
        UUID order = UUID.randomUUID();
        UUID expiredOrder = UUID.randomUUID();
        execute("INSERT INTO " + schema + ".idempotency_keys (client_id, key, fingerprint, order_id, expires_at)"
                + " VALUES ('client-a', 'key-1', 'fingerprint-1', ?, now() + interval '1 hour')", order);
        execute("INSERT INTO " + schema + ".idempotency_keys (client_id, key, fingerprint, order_id, expires_at)"
                + " VALUES ('client-a', 'key-2', 'fingerprint-2', ?, now() - interval '1 minute')", expiredOrder);

        MigrateResult result = flywayUpTo("11").migrate();

        assertThat(result.migrationsExecuted).isEqualTo(1);
        try (Connection connection = PostgresTestDatabase.openConnection();
             Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT client_id, key, operation, target, fingerprint, state,"
                     + " resource_id, held_until <= now() AS hold_passed, answer_body FROM " + schema
                     + ".idempotent_requests")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("client_id")).isEqualTo("client-a");
            assertThat(row.getString("key")).isEqualTo("key-1");
            assertThat(row.getString("operation")).isEqualTo("CREATE_ORDER");
            assertThat(row.getString("target")).isNull();
            assertThat(row.getString("fingerprint")).isEqualTo("fingerprint-1");
            assertThat(row.getString("state")).isEqualTo("UNSETTLED");
            assertThat(row.getObject("resource_id")).isEqualTo(order);
            assertThat(row.getBoolean("hold_passed")).isTrue();
            assertThat(row.getString("answer_body")).isNull();
            assertThat(row.next()).as("the expired key is not moved").isFalse();
        }
        try (Connection connection = PostgresTestDatabase.openConnection();
             ResultSet tables = connection.getMetaData().getTables(null, schema, "idempotency_keys", null)) {
            assertThat(tables.next()).as("the old table is gone").isFalse();
        }
    }

    @Test
    void given_an_order_with_a_line_under_v15_when_v16_is_applied_then_nothing_of_the_line_has_moved()
            throws SQLException {
        flywayUpTo("15").migrate();
        UUID order = UUID.randomUUID();
        execute("INSERT INTO " + schema + ".orders (id, amount_minor, currency, receipt, status, created_at,"
                + " updated_at, version, line_count) VALUES (?, 300, 'NOK', 'receipt#1', 'AUTHORIZED', now(), now(),"
                + " 2, 1)", order);
        execute("INSERT INTO " + schema + ".order_lines (order_id, position, line_id, description, quantity,"
                + " amount_minor, vat, vat_amount_minor) VALUES (?, 0, 'a', 'Socks', 3, 300, 25, 60)", order);

        MigrateResult result = flywayUpTo("16").migrate();

        assertThat(result.migrationsExecuted).isEqualTo(1);
        assertThat(orderColumns(order)).containsEntry("pending_lines", null).containsEntry("version", 2L);
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement select = connection.prepareStatement("SELECT captured_quantity, captured_minor,"
                     + " captured_vat_minor, refunded_quantity, refunded_minor, refunded_vat_minor FROM " + schema
                     + ".order_lines WHERE order_id = ?")) {
            select.setObject(1, order);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBigDecimal("captured_quantity")).isZero();
                assertThat(row.getLong("captured_minor")).isZero();
                assertThat(row.getLong("captured_vat_minor")).isZero();
                assertThat(row.getBigDecimal("refunded_quantity")).isZero();
                assertThat(row.getLong("refunded_minor")).isZero();
                assertThat(row.getLong("refunded_vat_minor")).isZero();
            }
        }
        // More captured of a line than it holds breaks the same order the orders table keeps.
        assertThatThrownBy(() -> execute("UPDATE " + schema + ".order_lines SET captured_quantity = 4"
                + " WHERE order_id = ?", order)).isInstanceOf(SQLException.class);
    }

    private Map<String, Object> orderColumns(UUID order) throws SQLException {
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT * FROM " + schema + ".orders WHERE id = ?")) {
            select.setObject(1, order);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                Map<String, Object> columns = new HashMap<>();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    columns.put(row.getMetaData().getColumnName(column), row.getObject(column));
                }
                return columns;
            }
        }
    }

    private Flyway flywayUpTo(String version) {
        Map<String, String> database = PostgresTestDatabase.datasourceProperties();
        return Flyway.configure()
                .dataSource(database.get("datasources.default.url"), database.get("datasources.default.username"),
                        database.get("datasources.default.password"))
                .schemas(schema)
                .target(version)
                .load();
    }

    private static void execute(String sql, UUID order) throws SQLException {
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, order);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
