package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs reconciliation on a timer; how many batches a run takes is the use case's rule. Every instance may run it:
 * the repository's claims keep two instances from asking about the same order. Each run is timed
 * ({@code orderpay_reconciliation_runs}, outcome {@code ok}, {@code incomplete} when the provider could not be asked
 * about some orders, {@code failed} when the run itself failed) and then refreshes the backlog's age. Each run logs
 * under its own {@code run_id} and, with tracing on, is a trace of its own ({@link RunTraces}): a root span
 * {@value #SPAN} with the outcome and the counts, the provider calls as its children.
 * <p>
 * When the service stops in good order (SIGTERM), no new run starts, the run under way ends after the order it is
 * asking about, and then this instance lets go of the orders it still has claimed, so that another instance
 * reconciles them at once rather than once the claims run out ({@code orderpay.reconcile-claim}).
 */
@Singleton
@Requires(property = "orderpay.reconcile-enabled", notEquals = "false")
class ReconciliationJob implements GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);

    static final String RUNS = "orderpay.reconciliation.runs";
    static final String SPAN = "reconciliation";

    private final ReconcileOrdersUseCase reconcile;
    private final BacklogGauges backlog;
    private final MeterRegistry registry;
    private final RunTraces traces;
    // The run under way, or the last one: a stop waits for it before letting go of the claims.
    private CompletableFuture<Void> lastRun = CompletableFuture.completedFuture(null);
    private boolean stopping;

    ReconciliationJob(ReconcileOrdersUseCase reconcile, BacklogGauges backlog, MeterRegistry registry,
                      RunTraces traces) {
        this.reconcile = reconcile;
        this.backlog = backlog;
        this.registry = registry;
        this.traces = traces;
    }

    @Scheduled(fixedDelay = "${orderpay.reconcile-interval}", initialDelay = "${orderpay.reconcile-interval}")
    void run() {
        CompletableFuture<Void> thisRun = new CompletableFuture<>();
        synchronized (this) {
            if (stopping) {
                return;
            }
            lastRun = thisRun;
        }
        try (RunTraces.Run run = traces.begin(SPAN)) {
            reconcileDue(run.span());
        } finally {
            thisRun.complete(null);
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        CompletableFuture<Void> underWay;
        synchronized (this) {
            stopping = true;
            underWay = lastRun;
        }
        reconcile.stop();
        return underWay.thenRun(this::releaseClaims);
    }

    /**
     * Also when the context is destroyed, should the shutdown grace have run out before the run ended: before the
     * database goes, and once only, since the claims let go of are forgotten.
     */
    @PreDestroy
    void releaseClaims() {
        try {
            int released = reconcile.releaseClaims();
            if (released > 0) {
                LOG.info("Let go of {} orders claimed for reconciliation, for other instances to take", released);
            }
        } catch (RuntimeException failure) {
            LOG.warn("Could not let go of the orders claimed for reconciliation; their claims run out instead",
                    failure);
        }
    }

    private void reconcileDue(Span span) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            ReconciliationReport report = reconcile.reconcileDue();
            outcome = report.failed() > 0 ? "incomplete" : "ok";
            span.setAttribute("orderpay.reconciliation.examined", report.examined());
            span.setAttribute("orderpay.reconciliation.changed", report.changed());
            span.setAttribute("orderpay.reconciliation.failed", report.failed());
            if (report.changed() > 0 || report.failed() > 0) {
                LOG.info("Reconciled {} orders: {} changed, {} could not be asked about", report.examined(),
                        report.changed(), report.failed());
            }
            backlog.refreshOldestUnsettled();
        } catch (RuntimeException failure) {
            // The next run tries again; a failing database must not kill the schedule.
            LOG.warn("Reconciliation failed", failure);
            // The status only: an exception's message may quote the data it failed on.
            span.setStatus(StatusCode.ERROR, "reconciliation failed");
        } finally {
            span.setAttribute("orderpay.reconciliation.outcome", outcome);
            sample.stop(Timer.builder(RUNS)
                    .description("Reconciliation runs, by outcome")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }
}
