package dev.orderpay.application.service;

import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.application.port.out.webhook.Recording;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.domain.webhook.WebhookDeliveryId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records the attempts of webhook calls in batches (a group commit) without making the calls wait for it. A call's
 * thread queues its attempt; if no thread is recording, it records everything queued, and again while more comes;
 * otherwise it goes on to its next call at once and the recording thread takes its attempt along. Alone, an attempt
 * is recorded at once; under load one statement records many, and the calls never wait for a commit, which is what
 * lets delivery keep up with creates without taking their share of the database.
 */
final class AttemptRecorder {

    private final WebhookDeliveries deliveries;
    private final Queue<Queued> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock turn = new ReentrantLock();

    AttemptRecorder(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Records the attempt, alone or with others, now or on the thread recording already.
     *
     * @return what came of it, once recorded; completed exceptionally with what recording threw
     */
    CompletableFuture<Recording> record(WebhookDeliveryId id, AttemptRecord attempt) {
        Queued mine = new Queued(id, attempt, new CompletableFuture<>());
        queued.add(mine);
        // Looking again after letting go of the turn catches an attempt queued just as the last batch was taken.
        while (!queued.isEmpty() && turn.tryLock()) {
            try {
                recordQueued();
            } finally {
                turn.unlock();
            }
        }
        return mine.recording();
    }

    private void recordQueued() {
        List<Queued> batch = new ArrayList<>();
        for (Queued next = queued.poll(); next != null; next = queued.poll()) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<WebhookDeliveryId, AttemptRecord> attempts = new LinkedHashMap<>();
        batch.forEach(each -> attempts.put(each.id(), each.attempt()));
        Map<WebhookDeliveryId, Recording> recorded;
        try {
            recorded = deliveries.record(attempts);
        } catch (RuntimeException failure) {
            batch.forEach(each -> each.recording().completeExceptionally(failure));
            return;
        }
        batch.forEach(each -> each.recording().complete(recorded.get(each.id())));
    }

    private record Queued(WebhookDeliveryId id, AttemptRecord attempt, CompletableFuture<Recording> recording) {
    }
}
