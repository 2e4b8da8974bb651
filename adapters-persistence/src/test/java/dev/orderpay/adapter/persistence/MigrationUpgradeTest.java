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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations as an existing database meets them: a schema holding orders written under V1 is brought up to
 * V2. Each test works in a schema of its own, so the schema the other tests use is never touched.
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
