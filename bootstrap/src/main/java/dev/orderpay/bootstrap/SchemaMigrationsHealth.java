package dev.orderpay.bootstrap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.reactivestreams.Publisher;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Readiness: the database holds every migration this build ships, none of them failed, as Flyway reports it. An
 * instance whose schema is behind (Flyway turned off, another instance still migrating, an empty database) is not
 * ready, even though the database answers. Asking Flyway scans the migrations and reads the schema history (some
 * 100 ms), so once the schema is found complete the answer is kept: a schema does not lose migrations while the service
 * runs, and the database's reachability is the {@code jdbc} indicator's to tell. Until then each probe asks again.
 */
@Singleton
@Readiness
class SchemaMigrationsHealth implements HealthIndicator {

    static final String NAME = "schemaMigrations";

    private final Flyway flyway;
    private final ExecutorService blocking;
    private volatile HealthResult complete;

    SchemaMigrationsHealth(@Named("default") FlywayConfigurationProperties migrations, DataSource dataSource,
                           @Nullable DataSourceResolver dataSources,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        // The migrations Flyway ran at startup, read from the same configuration and database.
        this.flyway = Flyway.configure()
                .configuration(migrations.getFluentConfiguration())
                .dataSource((dataSources == null ? DataSourceResolver.DEFAULT : dataSources).resolve(dataSource))
                .load();
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthResult known = complete;
        if (known != null) {
            return Publishers.just(known);
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::ask, blocking));
    }

    private HealthResult ask() {
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo current = info.current();
            long pending = info.pending().length;
            boolean failed = Arrays.stream(info.all()).anyMatch(migration -> migration.getState().isFailed());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("schema_version", current == null ? "none" : current.getVersion().toString());
            details.put("pending", pending);
            details.put("failed", failed);
            boolean isComplete = pending == 0 && !failed;
            HealthResult result = HealthResult.builder(NAME, isComplete ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(details).build();
            if (isComplete) {
                complete = result;
            }
            return result;
        } catch (RuntimeException unreadable) {
            return HealthResult.builder(NAME, HealthStatus.DOWN).exception(unreadable).build();
        }
    }
}
