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
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records the attempts of webhook calls that end together in one step (a group commit). A call's thread queues its
 * attempt, then waits for its turn to record; the first to get the turn records every attempt queued by then, and
 * those behind it find theirs already recorded. Alone, an attempt is recorded at once; under load one statement
 * records many, which is what lets delivery keep up with creates without taking their share of the database.
 */
final class AttemptRecorder {

    private final WebhookDeliveries deliveries;
    private final Queue<Queued> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock turn = new ReentrantLock();

    AttemptRecorder(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Records the attempt, alone or with others, and says what came of it; throws what recording threw. */
    Recording record(WebhookDeliveryId id, AttemptRecord attempt) {
        Queued mine = new Queued(id, attempt, new CompletableFuture<>());
        queued.add(mine);
        turn.lock();
        try {
            if (!mine.recording().isDone()) {
                recordQueued();
            }
        } finally {
            turn.unlock();
        }
        try {
            return mine.recording().join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private void recordQueued() {
        List<Queued> batch = new ArrayList<>();
        for (Queued next = queued.poll(); next != null; next = queued.poll()) {
            batch.add(next);
        }
        Map<WebhookDeliveryId, AttemptRecord> attempts = new LinkedHashMap<>();
        batch.forEach(each -> attempts.put(each.id(), each.attempt()));
        try {
            Map<WebhookDeliveryId, Recording> recorded = deliveries.record(attempts);
            batch.forEach(each -> each.recording().complete(recorded.get(each.id())));
        } catch (RuntimeException failure) {
            batch.forEach(each -> each.recording().completeExceptionally(failure));
        }
    }

    private record Queued(WebhookDeliveryId id, AttemptRecord attempt, CompletableFuture<Recording> recording) {
    }
}
