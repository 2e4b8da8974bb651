package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.in.maintenance.DeliverWebhooksUseCase;
import dev.orderpay.application.port.in.maintenance.DeliveryOutcome;
import dev.orderpay.application.port.in.maintenance.DeliveryRound;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the delivery engine on a short timer ({@code orderpay.webhook.poll-interval}), so a new event goes out
 * within about that long: a poll rather than LISTEN/NOTIFY, which a transaction-pooling PgBouncer does not pass on.
 * Every instance runs it; the claims keep two instances from sending the same delivery. A round only starts its
 * calls, so the next round never waits for a slow receiver. A backlog drains without waiting for the timer: once
 * half of the calls a round started have ended, the next round starts at once (a round claims only a few deliveries
 * per endpoint, so a timed round alone would cap an endpoint at a few deliveries per poll). Log lines name endpoints
 * and deliveries by id, never by URL (a URL may carry the merchant's token); each round's lines carry its own
 * {@code run_id}. It also keeps the backlog gauge ({@link BacklogGauges}) fresh.
 * <p>
 * When the service stops in good order (SIGTERM), no new round starts, the calls under way run to their end (within
 * {@code orderpay.webhook.timeout}) and record their outcomes, and then this instance lets go of the deliveries it
 * still has claimed (a call it could not start, or one cut by the end of the shutdown grace), so that another
 * instance sends them at once rather than once the claims run out ({@code orderpay.webhook.claim}).
 */
@Singleton
class WebhookDeliveryJob implements GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryJob.class);

    private final DeliverWebhooksUseCase deliverWebhooks;
    private final TaskScheduler scheduler;
    private final BacklogGauges backlog;
    // The calls started and not yet ended: a stop waits for them before letting go of the claims.
    private final Set<CompletableFuture<DeliveryOutcome>> callsUnderWay = ConcurrentHashMap.newKeySet();
    private boolean stopping;

    WebhookDeliveryJob(DeliverWebhooksUseCase deliverWebhooks,
                       @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, BacklogGauges backlog) {
        this.deliverWebhooks = deliverWebhooks;
        this.scheduler = scheduler;
        this.backlog = backlog;
    }

    @Scheduled(fixedDelay = "${orderpay.webhook.poll-interval}", initialDelay = "${orderpay.webhook.poll-interval}")
    void run() {
        // The calls, and the lines logged when they end, run on other threads: the run's context goes with them.
        try (PropagatedContext.Scope ignored = LoggedRun.begin()) {
            deliverDue();
        }
    }

    private void deliverDue() {
        DeliveryRound round;
        // Held while claiming, so that a stop sees every call this round starts.
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                backlog.refreshWebhookBacklogIfDue();
                round = deliverWebhooks.deliverDue();
            } catch (RuntimeException failure) {
                // The next round tries again; a failing database must not kill the schedule.
                LOG.warn("Counting or claiming webhook deliveries failed", failure);
                return;
            }
            round.started().forEach(call -> {
                callsUnderWay.add(call);
                call.whenComplete((outcome, failure) -> callsUnderWay.remove(call));
            });
        }
        // The next round starts once half of this round's calls have ended, while the rest still run: the lanes get
        // more work before they run dry, and a slow call holds up only its own lane, not the next claim. It is
        // scheduled on the scheduler's thread, not run on the call's that ended: that one may still count as in
        // flight.
        AtomicInteger toEnd = new AtomicInteger((round.claimed() + 1) / 2);
        round.started().forEach(delivery -> delivery.whenComplete((outcome, failure) -> {
            if (failure != null) {
                // Its claim runs out and it is sent again.
                LOG.warn("A webhook delivery could not be completed; it is tried again", failure);
            } else {
                log(outcome);
            }
            if (toEnd.decrementAndGet() == 0) {
                nextRound();
            }
        }));
    }

    private void nextRound() {
        synchronized (this) {
            if (stopping) {
                return;
            }
        }
        try {
            scheduler.schedule(Duration.ZERO, this::run);
        } catch (RejectedExecutionException schedulerStopped) {
            // The service is stopping; what is due is sent by the next instance to run.
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        CompletableFuture<?>[] underWay;
        synchronized (this) {
            stopping = true;
            underWay = callsUnderWay.toArray(CompletableFuture[]::new);
        }
        deliverWebhooks.stop();
        return CompletableFuture.allOf(underWay).handle((ended, failure) -> {
            releaseClaims();
            return null;
        });
    }

    /**
     * Also when the context is destroyed, should the shutdown grace have run out before the calls ended: before the
     * database goes, and once only, since the claims let go of are forgotten. A call still running is interrupted
     * right after ({@link WebhookCallThreads}), and its delivery sent again elsewhere.
     */
    @PreDestroy
    void releaseClaims() {
        try {
            int released = deliverWebhooks.releaseClaims();
            if (released > 0) {
                LOG.info("Let go of {} webhook deliveries claimed but not sent, for other instances to send", released);
            }
        } catch (RuntimeException failure) {
            LOG.warn("Could not let go of the claimed webhook deliveries; their claims run out instead", failure);
        }
    }

    private static void log(DeliveryOutcome outcome) {
        // Java 17 has no pattern switch; the outcome is sealed, so these are all there are.
        if (outcome instanceof DeliveryOutcome.Failed failed) {
            LOG.warn("Gave up webhook delivery {} to endpoint {}: {}", failed.deliveryId(), failed.endpointId(),
                    describe(failed.result()));
            if (failed.endpointDisabled()) {
                disabled(failed);
            }
        } else if (outcome instanceof DeliveryOutcome.WillRetry willRetry) {
            LOG.info("Webhook delivery {} to endpoint {} failed ({}); next attempt at {}", willRetry.deliveryId(),
                    willRetry.endpointId(), describe(willRetry.result()), willRetry.nextAttemptAt());
            if (willRetry.endpointDisabled()) {
                disabled(willRetry);
            }
        } else if (outcome instanceof DeliveryOutcome.Dropped dropped) {
            LOG.info("Webhook delivery {} to endpoint {} left unrecorded: {}", dropped.deliveryId(),
                    dropped.endpointId(), dropped.why());
        } else {
            LOG.debug("Webhook delivery {} delivered to endpoint {}", outcome.deliveryId(), outcome.endpointId());
        }
    }

    private static void disabled(DeliveryOutcome outcome) {
        LOG.warn("WEBHOOK ENDPOINT {} DISABLED: every delivery to it failed for too long; enable it again with"
                + " PATCH /webhook-endpoints/{}", outcome.endpointId(), outcome.endpointId());
    }

    private static String describe(AttemptResult result) {
        return result instanceof AttemptResult.Answered answered
                ? "answered " + answered.statusCode()
                : ((AttemptResult.NotAnswered) result).error();
    }
}
