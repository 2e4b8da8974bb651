package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconciliation on a timer; how many batches a run takes is the use case's rule. Every instance may run it:
 * the repository's claims keep two instances from asking about the same order. Each run logs under its own
 * {@code run_id}.
 */
@Singleton
@Requires(property = "orderpay.reconcile-enabled", notEquals = "false")
class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ReconcileOrdersUseCase reconcile;

    ReconciliationJob(ReconcileOrdersUseCase reconcile) {
        this.reconcile = reconcile;
    }

    @Scheduled(fixedDelay = "${orderpay.reconcile-interval}", initialDelay = "${orderpay.reconcile-interval}")
    void run() {
        try (PropagatedContext.Scope ignored = LoggedRun.begin()) {
            reconcileDue();
        }
    }

    private void reconcileDue() {
        ReconciliationReport report;
        try {
            report = reconcile.reconcileDue();
        } catch (RuntimeException failure) {
            // The next run tries again; a failing database must not kill the schedule.
            LOG.warn("Reconciliation failed", failure);
            return;
        }
        if (report.changed() > 0 || report.failed() > 0) {
            LOG.info("Reconciled {} orders: {} changed, {} could not be asked about", report.examined(),
                    report.changed(), report.failed());
        }
    }
}
