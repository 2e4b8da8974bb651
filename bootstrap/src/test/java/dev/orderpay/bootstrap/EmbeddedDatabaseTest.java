package dev.orderpay.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @Test
    void given_a_configured_database_url_when_starting_then_nothing_is_started() {
        Map<String, Object> properties = EmbeddedDatabase.startUnlessConfigured(
                Map.of("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db.example.test/orders"), new Properties(),
                Optional::empty);

        assertThat(properties).isEmpty();
    }

    @Test
    void given_a_database_url_system_property_when_starting_then_nothing_is_started() {
        Properties systemProperties = new Properties();
        systemProperties.setProperty("datasources.default.url", "jdbc:postgresql://db.example.test/orders");

        assertThat(EmbeddedDatabase.startUnlessConfigured(Map.of(), systemProperties, Optional::empty)).isEmpty();
    }

    @Test
    void given_no_database_when_the_embedded_one_restarts_then_its_data_is_still_there(@TempDir Path dataDirectory)
            throws Exception {
        try (EmbeddedPostgres first = EmbeddedDatabase.start(dataDirectory)) {
            execute(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives a restart')");
        }

        try (EmbeddedPostgres second = EmbeddedDatabase.start(dataDirectory);
             Connection connection = connect(second);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("survives a restart");
        }
    }

    @Test
    void given_no_database_when_starting_then_properties_point_at_a_running_embedded_server(@TempDir Path dataDirectory)
            throws Exception {
        Map<String, Object> properties = EmbeddedDatabase.startUnlessConfigured(
                Map.of("ORDERPAY_EMBEDDED_DATA_DIR", dataDirectory.toString()), new Properties(), Optional::empty);

        try (Connection connection = DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"),
                (String) properties.get("datasources.default.password"))) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void given_the_jvm_exiting_then_the_embedded_server_stops_only_once_the_application_context_has_stopped(
            @TempDir Path dataDirectory) throws Exception {
        try (EmbeddedPostgres server = EmbeddedDatabase.start(dataDirectory);
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "datasources.default.url", server.getJdbcUrl("postgres", "postgres"),
                     "datasources.default.username", "postgres",
                     "datasources.default.password", "",
                     "orderpay.reconcile-enabled", "false"))) {
            Thread exiting = new Thread(() -> EmbeddedDatabase.stopAfter(Optional.of(context), server));
            exiting.start();

            exiting.join(500);
            boolean answeredWhileTheContextRuns;
            try (Connection connection = connect(server)) {
                answeredWhileTheContextRuns = connection.isValid(5);
            }
            context.stop();
            exiting.join(30_000);

            assertThat(answeredWhileTheContextRuns).isTrue();
            assertThat(exiting.isAlive()).isFalse();
            assertThatThrownBy(() -> connect(server)).isInstanceOf(SQLException.class);
        }
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(EmbeddedPostgres server) throws SQLException {
        return DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }
}
