package dev.orderpay.adapter.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A PostgreSQL database for tests, one per JVM, handed out as Micronaut datasource properties (for a
 * {@code TestPropertyProvider}).
 * <p>
 * By default an embedded PostgreSQL is started on first use; its files go under {@code java.io.tmpdir}, which the
 * build points into the module's {@code target/}. When {@value #URL_VARIABLE} names a server (as on CI), a fresh
 * database is created there instead, so runs never see each other's rows, and dropped when the JVM exits.
 */
public final class PostgresTestDatabase {

    public static final String URL_VARIABLE = "ORDERPAY_TEST_DATABASE_URL";
    public static final String USER_VARIABLE = "ORDERPAY_TEST_DATABASE_USER";
    public static final String PASSWORD_VARIABLE = "ORDERPAY_TEST_DATABASE_PASSWORD";

    private PostgresTestDatabase() {
    }

    /** {@code datasources.default.*} for this JVM's test database, which is started or created on the first call. */
    public static Map<String, String> datasourceProperties() {
        Target database = OncePerJvm.DATABASE;
        return Map.of(
                "datasources.default.url", database.url(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES");
    }

    /**
     * A new, empty database on the server of this JVM's test database, for a test that needs one of its own: a schema
     * never migrated, or a database to make unreachable. On a server named by {@value #URL_VARIABLE} it is dropped
     * when the JVM exits; an embedded server goes with all its databases.
     */
    public static NewDatabase newDatabase() {
        Target server = OncePerJvm.DATABASE;
        String name = uniqueName();
        execute(server, "CREATE DATABASE " + name);
        if (!isBlank(System.getenv(URL_VARIABLE))) {
            // Through the server's own database: this JVM's goes at exit too.
            dropAtExit(new Target(System.getenv(URL_VARIABLE), server.username(), server.password()), name);
        }
        return new NewDatabase(name, withDatabase(server.url(), name), server.username(), server.password());
    }

    /** A database {@link #newDatabase()} made; its name is safe to splice into DDL. */
    public record NewDatabase(String name, String url, String username, String password) {

        /** {@code datasources.default.*} for it. */
        public Map<String, String> datasourceProperties() {
            return Map.of(
                    "datasources.default.url", url,
                    "datasources.default.username", username,
                    "datasources.default.password", password,
                    "datasources.default.driver-class-name", "org.postgresql.Driver",
                    "datasources.default.dialect", "POSTGRES");
        }
    }

    /** Opens a plain JDBC connection to the test database, for tests that must bypass the application. */
    public static Connection openConnection() throws SQLException {
        Target database = OncePerJvm.DATABASE;
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }

    // The JVM initialises this class once, on first use and thread-safely: a lazy singleton without locks.
    private static final class OncePerJvm {
        // Blank counts as unset: CI often defines the variable empty when no server is wanted.
        static final Target DATABASE = isBlank(System.getenv(URL_VARIABLE))
                ? startEmbedded()
                : createOnServer(System.getenv(URL_VARIABLE));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private record Target(String url, String username, String password) {
    }

    private static Target startEmbedded() {
        // Read now rather than through Files.createTempDirectory, which may have fixed its directory before the
        // build set java.io.tmpdir.
        Path workingDirectory = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        try {
            Files.createDirectories(workingDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    .setDataDirectory(Files.createTempDirectory(workingDirectory, "data-"))
                    .setCleanDataDirectory(true)
                    // Stops the server and removes its data when the JVM exits.
                    .setRegisterShutdownHook(true)
                    .start();
            return new Target(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private static Target createOnServer(String serverUrl) {
        String username = Objects.requireNonNullElse(System.getenv(USER_VARIABLE), "postgres");
        String password = Objects.requireNonNullElse(System.getenv(PASSWORD_VARIABLE), "");
        String name = uniqueName();
        Target server = new Target(serverUrl, username, password);

        execute(server, "CREATE DATABASE " + name);
        dropAtExit(server, name);
        return new Target(withDatabase(serverUrl, name), username, password);
    }

    /** Made of hex digits only, so it is safe to splice into DDL, which takes no bound parameters. */
    private static String uniqueName() {
        return "orderpay_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static void dropAtExit(Target server, String name) {
        // FORCE: a connection pool that is still open at exit must not keep the database alive.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"), "test-database-drop"));
    }

    private static void execute(Target server, String ddl) {
        try (Connection connection = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            // Not the URL: it may carry a password among its parameters.
            throw new IllegalStateException("the test database server (" + URL_VARIABLE + ") refused: " + ddl, e);
        }
    }

    /** The same server URL (host, port, parameters) pointing at another database. */
    static String withDatabase(String serverUrl, String database) {
        String prefix = "jdbc:postgresql://";
        if (!serverUrl.startsWith(prefix)) {
            throw new IllegalArgumentException(URL_VARIABLE + " must start with " + prefix);
        }
        URI uri = URI.create(serverUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return prefix + uri.getRawAuthority() + "/" + database + query;
    }
}
