package dev.orderpay.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The zero-configuration database: a real PostgreSQL server run by the service itself, its files under
 * {@code ./data/postgres} so orders outlive a restart. Used only when no datasource URL is configured.
 */
final class EmbeddedDatabase {

    static final String URL_VARIABLE = "DATASOURCES_DEFAULT_URL";
    static final String URL_PROPERTY = "datasources.default.url";
    static final String DATA_DIR_VARIABLE = "ORDERPAY_EMBEDDED_DATA_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    // Well past any sensible shutdown grace; the platform kills a process that takes longer anyway.
    private static final Duration LONGEST_CONTEXT_STOP = Duration.ofMinutes(5);
    private static final Duration CONTEXT_STOP_POLL = Duration.ofMillis(50);

    private EmbeddedDatabase() {
    }

    /**
     * Starts the embedded server if neither the environment nor a system property names a database. It stops when the
     * JVM exits, once the application context {@code served} names (when it names one) has stopped: shutdown hooks run
     * side by side, and the context's graceful shutdown still needs the database for the requests in flight and to let
     * go of its claims.
     */
    static Map<String, Object> startUnlessConfigured(Map<String, String> environment, Properties systemProperties,
                                                     Supplier<Optional<ApplicationContext>> served) {
        if (environment.containsKey(URL_VARIABLE) || systemProperties.containsKey(URL_PROPERTY)) {
            LOG.info("Using the database configured in {}", URL_VARIABLE);
            return Map.of();
        }
        Path dataDirectory = Path.of(environment.getOrDefault(DATA_DIR_VARIABLE, "data/postgres")).toAbsolutePath();
        EmbeddedPostgres server = start(dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfter(served.get(), server),
                "embedded-postgres-stop"));
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

    /** Stops the server once the context, if any, has stopped, or once it had a few minutes to. */
    static void stopAfter(Optional<ApplicationContext> context, EmbeddedPostgres server) {
        long giveUpAt = System.nanoTime() + LONGEST_CONTEXT_STOP.toNanos();
        try {
            while (context.filter(ApplicationContext::isRunning).isPresent() && System.nanoTime() < giveUpAt) {
                Thread.sleep(CONTEXT_STOP_POLL.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        stop(server);
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
