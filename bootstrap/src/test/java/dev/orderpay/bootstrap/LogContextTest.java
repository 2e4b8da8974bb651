package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.application.port.in.maintenance.DeliverWebhooksUseCase;
import dev.orderpay.application.port.in.maintenance.DeliveryOutcome;
import dev.orderpay.application.port.in.maintenance.DeliveryRound;
import dev.orderpay.application.port.in.maintenance.ReconcileOrdersUseCase;
import dev.orderpay.application.port.in.maintenance.ReconciliationReport;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.service.OrderLogRecord;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.scheduling.ScheduledExecutorTaskScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids that group log lines outside requests: each scheduled run's own, and the order a core line is about. */
class LogContextTest {

    private static final org.slf4j.Logger WORK = LoggerFactory.getLogger("dev.orderpay.test.work");

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        root().addAppender(captured);
    }

    @AfterEach
    void release() {
        root().detachAppender(captured);
    }

    @Test
    void given_two_reconciliation_runs_then_each_logs_under_its_own_run_id_and_leaves_the_thread_clean() {
        ReconcileOrdersUseCase reconcile = new ReconcileOrdersUseCase() {
            @Override
            public ReconciliationReport reconcileBatch() {
                throw new UnsupportedOperationException("the job asks for whole runs");
            }

            @Override
            public ReconciliationReport reconcileDue() {
                WORK.info("asking the provider");
                return new ReconciliationReport(1, 1, 0);
            }

            @Override
            public void stop() {
                throw new UnsupportedOperationException("the service keeps running");
            }

            @Override
            public int releaseClaims() {
                throw new UnsupportedOperationException("the service keeps running");
            }
        };
        ReconciliationJob job = new ReconciliationJob(reconcile, gauges(), new SimpleMeterRegistry(),
                new RunTraces(Optional.empty()));

        job.run();
        job.run();

        List<String> runIds = captured.list.stream().map(event -> event.getMDCPropertyMap().get(LoggedRun.RUN_ID))
                .toList();
        assertThat(runIds).hasSize(4).doesNotContainNull();
        assertThat(runIds.get(0)).isEqualTo(runIds.get(1)).isNotEqualTo(runIds.get(2));
        assertThat(runIds.get(2)).isEqualTo(runIds.get(3));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void given_a_webhook_round_then_the_calls_on_their_own_threads_log_under_the_round_s_run_id() throws Exception {
        WebhookCallThreads threads = new WebhookCallThreads(2);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // The calls end only after the round has returned, as slow receivers' calls do.
            CountDownLatch roundReturned = new CountDownLatch(1);
            // One round with two calls; the round started when they end finds nothing more to send.
            AtomicBoolean sent = new AtomicBoolean();
            DeliverWebhooksUseCase deliverOnce = new DeliverWebhooksUseCase() {
                @Override
                public DeliveryRound deliverDue() {
                    return sent.getAndSet(true)
                            ? new DeliveryRound(List.of())
                            : new DeliveryRound(List.of(
                                    CompletableFuture.supplyAsync(() -> webhookCall(roundReturned), threads),
                                    CompletableFuture.supplyAsync(() -> webhookCall(roundReturned), threads)));
                }

                @Override
                public void stop() {
                    throw new UnsupportedOperationException("the service keeps running");
                }

                @Override
                public int releaseClaims() {
                    throw new UnsupportedOperationException("the service keeps running");
                }
            };
            WebhookDeliveryJob job = new WebhookDeliveryJob(deliverOnce, new ScheduledExecutorTaskScheduler(scheduler),
                    gauges());

            job.run();
            roundReturned.countDown();

            List<ILoggingEvent> lines = awaitLines(4);
            assertThat(lines).allSatisfy(line -> assertThat(line.getThreadName()).startsWith("webhook-call-"));
            Set<String> runIds = lines.stream().map(event -> event.getMDCPropertyMap().get(LoggedRun.RUN_ID))
                    .collect(Collectors.toSet());
            assertThat(runIds).hasSize(1).doesNotContainNull();
        } finally {
            threads.stop();
            scheduler.shutdownNow();
        }
    }

    @Test
    void given_a_core_line_about_an_order_then_it_is_written_with_the_order_id_in_the_log_context() {
        java.util.logging.Logger core = java.util.logging.Logger.getLogger("dev.orderpay.test.core");
        OrderLogBridge bridge = new OrderLogBridge();
        core.addHandler(bridge);
        core.setUseParentHandlers(false);
        MDC.put(OrderLogBridge.ORDER_ID, "outer");
        try {
            OrderLogRecord.warning(core, OrderId.parse("3eacc06f-c9e7-4343-adbe-f3bbfa6cc7a9"), () -> "a line");
            core.warning("a line about no order");
        } finally {
            core.removeHandler(bridge);
            MDC.clear();
        }

        assertThat(captured.list).extracting(event -> event.getMDCPropertyMap().get(OrderLogBridge.ORDER_ID))
                .containsExactly("3eacc06f-c9e7-4343-adbe-f3bbfa6cc7a9", "outer");
        assertThat(captured.list.get(0).getLoggerName()).isEqualTo("dev.orderpay.test.core");
    }

    private List<ILoggingEvent> awaitLines(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (captured.list.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return List.copyOf(captured.list);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** One webhook call as the delivery engine makes it: it logs, waits, and its delivery ends unrecorded. */
    private static DeliveryOutcome webhookCall(CountDownLatch roundReturned) {
        WORK.info("calling the endpoint");
        try {
            roundReturned.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return new DeliveryOutcome.Dropped(WebhookDeliveryId.newId(), WebhookEndpointId.newId(), "test");
    }

    private static BacklogGauges gauges() {
        return new BacklogGauges(new InMemoryOrderRepository(),
                new InMemoryWebhookDeliveries(new InMemoryWebhookEndpoints()), Clock.systemUTC(),
                new SimpleMeterRegistry());
    }
}
