package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconciliation on a timer. Every instance may run it: the repository's claims keep two instances from
 * asking about the same order. A run keeps taking batches while they come back full, up to a bound, so a backlog
 * drains without one run holding on forever.
 */
@Singleton
@Requires(property = "orderpay.reconcile-enabled", notEquals = "false")
class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final ReconcileOrdersUseCase reconcile;
    private final int batchSize;

    ReconciliationJob(ReconcileOrdersUseCase reconcile, @Value("${orderpay.reconcile-batch-size}") int batchSize) {
        this.reconcile = reconcile;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelay = "${orderpay.reconcile-interval}", initialDelay = "${orderpay.reconcile-interval}")
    void run() {
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            ReconciliationReport report;
            try {
                report = reconcile.reconcileBatch();
            } catch (RuntimeException failure) {
                // The next run tries again; a failing database must not kill the schedule.
                LOG.warn("Reconciliation failed", failure);
                return;
            }
            if (report.changed() > 0 || report.failed() > 0) {
                LOG.info("Reconciled {} orders: {} changed, {} could not be asked about", report.examined(),
                        report.changed(), report.failed());
            }
            if (report.examined() < batchSize) {
                return;
            }
        }
    }
}
