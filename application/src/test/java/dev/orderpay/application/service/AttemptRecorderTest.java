package dev.orderpay.application.service;

import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.Recording;
import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.Storage;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.announced;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.delivered;
import static dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

class AttemptRecorderTest {

    private static final Instant NOW = Instant.parse("2026-03-08T14:00:00Z");
    private static final int CALLS = 8;

    private final ExecutorService callThreads = Executors.newFixedThreadPool(CALLS);

    @AfterEach
    void stopThreads() {
        callThreads.shutdownNow();
    }

    @Test
    void attempts_that_end_while_another_is_being_recorded_are_recorded_together_and_their_calls_do_not_wait()
            throws Exception {
        HeldRecords deliveries = new HeldRecords();
        List<DueDelivery> due = dueDeliveries(deliveries);
        AttemptRecorder recorder = new AttemptRecorder(deliveries);

        // The first call's attempt is being recorded (held) while the other seven end: each hands its attempt over
        // and is free for its next call at once.
        Future<CompletableFuture<Recording>> first = callThreads.submit(() ->
                recorder.record(due.get(0).id(), delivered(NOW)));
        assertThat(deliveries.recordingStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Recording>> others = new ArrayList<>();
        for (DueDelivery delivery : due.subList(1, CALLS)) {
            others.add(callThreads.submit(() -> recorder.record(delivery.id(), delivered(NOW.plusSeconds(1))))
                    .get(10, TimeUnit.SECONDS));
        }
        assertThat(others).noneMatch(CompletableFuture::isDone);
        assertThat(first.isDone()).as("the thread recording is still at it").isFalse();
        deliveries.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS))
                .isEqualTo(new Recording.Recorded(Optional.empty()));
        for (CompletableFuture<Recording> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(new Recording.Recorded(Optional.empty()));
        }
        assertThat(deliveries.batchSizes).containsExactly(1, CALLS - 1);
    }

    @Test
    void an_attempt_alone_is_recorded_before_its_call_goes_on() {
        InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries(new InMemoryWebhookEndpoints());
        DueDelivery due = dueDeliveries(deliveries).get(0);

        CompletableFuture<Recording> recording = new AttemptRecorder(deliveries).record(due.id(), delivered(NOW));

        assertThat(recording).isCompletedWithValue(new Recording.Recorded(Optional.empty()));
    }

    @Test
    void when_recording_fails_every_attempt_recorded_with_it_gets_the_failure() {
        InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries(new InMemoryWebhookEndpoints()) {
            @Override
            public synchronized Map<WebhookDeliveryId, Recording> record(Map<WebhookDeliveryId, AttemptRecord> attempts) {
                throw new IllegalStateException("the database is down");
            }
        };
        AttemptRecorder recorder = new AttemptRecorder(deliveries);

        assertThat(recorder.record(WebhookDeliveryId.newId(), delivered(NOW))).isCompletedExceptionally()
                .failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class).withMessageContaining("the database is down");
    }

    private static List<DueDelivery> dueDeliveries(InMemoryWebhookDeliveries deliveries) {
        InMemoryOrderRepository orders = new InMemoryOrderRepository(deliveries);
        Storage storage = new Storage(orders, orders, deliveries.endpoints(), deliveries);
        endpoint(storage);
        for (int i = 0; i < CALLS; i++) {
            announced(storage, NOW.minusSeconds(60 - i));
        }
        List<DueDelivery> due = deliveries.claimDue(NOW, NOW.plus(Duration.ofMinutes(2)), CALLS, CALLS);
        assertThat(due).hasSize(CALLS);
        return due;
    }

    /** The in-memory deliveries, whose first recording is held until released; the sizes of the batches recorded. */
    private static final class HeldRecords extends InMemoryWebhookDeliveries {

        final CountDownLatch recordingStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

        HeldRecords() {
            super(new InMemoryWebhookEndpoints());
        }

        @Override
        public Map<WebhookDeliveryId, Recording> record(Map<WebhookDeliveryId, AttemptRecord> attempts) {
            batchSizes.add(attempts.size());
            recordingStarted.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            return super.record(attempts);
        }
    }
}
