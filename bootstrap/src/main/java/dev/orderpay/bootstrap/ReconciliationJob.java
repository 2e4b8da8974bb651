package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs reconciliation on a timer; how many batches a run takes is the use case's rule. Every instance may run it:
 * the repository's claims keep two instances from asking about the same order. Each run is timed
 * ({@code orderpay_reconciliation_runs}, outcome {@code ok}, {@code incomplete} when the provider could not be asked
 * about some orders, {@code failed} when the run itself failed) and then refreshes the backlog's age. Each run logs
 * under its own {@code run_id}.
 */
@Singleton
@Requires(property = "orderpay.reconcile-enabled", notEquals = "false")
class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);

    static final String RUNS = "orderpay.reconciliation.runs";

    private final ReconcileOrdersUseCase reconcile;
    private final BacklogGauges backlog;
    private final MeterRegistry registry;

    ReconciliationJob(ReconcileOrdersUseCase reconcile, BacklogGauges backlog, MeterRegistry registry) {
        this.reconcile = reconcile;
        this.backlog = backlog;
        this.registry = registry;
    }

    @Scheduled(fixedDelay = "${orderpay.reconcile-interval}", initialDelay = "${orderpay.reconcile-interval}")
    void run() {
        try (PropagatedContext.Scope ignored = LoggedRun.begin()) {
            reconcileDue();
        }
    }

    private void reconcileDue() {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            ReconciliationReport report = reconcile.reconcileDue();
            outcome = report.failed() > 0 ? "incomplete" : "ok";
            if (report.changed() > 0 || report.failed() > 0) {
                LOG.info("Reconciled {} orders: {} changed, {} could not be asked about", report.examined(),
                        report.changed(), report.failed());
            }
            backlog.refreshOldestUnsettled();
        } catch (RuntimeException failure) {
            // The next run tries again; a failing database must not kill the schedule.
            LOG.warn("Reconciliation failed", failure);
        } finally {
            sample.stop(Timer.builder(RUNS)
                    .description("Reconciliation runs, by outcome")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
