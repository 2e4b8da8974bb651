package dev.orderpay.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The lanes of one destination: at most {@code width} tasks on the executor, each taking the next item handed over
 * until none is left. Items handed over while lanes still run join their queue, so no more than {@code width} items
 * are at work at once however many batches were handed over. Once {@code stopped} says so, a lane takes no new item
 * to work on: what was not started completes with {@code whenNotStarted} instead.
 */
final class Lanes<T, R> {

    private record Queued<T, R>(T item, CompletableFuture<R> outcome) {
    }

    private final Queue<Queued<T, R>> waiting = new ConcurrentLinkedQueue<>();
    // Lanes started and not yet ended, whether on a thread yet or still in the executor's queue.
    private final AtomicInteger running = new AtomicInteger();
    private final int width;
    private final Executor executor;
    private final Function<T, R> work;
    private final Function<T, R> whenNotStarted;
    private final BooleanSupplier stopped;

    Lanes(int width, Executor executor, Function<T, R> work, Function<T, R> whenNotStarted,
          BooleanSupplier stopped) {
        this.width = width;
        this.executor = executor;
        this.work = work;
        this.whenNotStarted = whenNotStarted;
        this.stopped = stopped;
    }

    /**
     * Queues the items and starts what lanes there is room for; returns each item's outcome, in the items' order. If
     * the executor refuses a lane while none runs, the waiting items' outcomes complete exceptionally with its
     * refusal.
     */
    List<CompletableFuture<R>> submit(List<T> items) {
        List<CompletableFuture<R>> outcomes = new ArrayList<>(items.size());
        for (T item : items) {
            CompletableFuture<R> outcome = new CompletableFuture<>();
            waiting.add(new Queued<>(item, outcome));
            outcomes.add(outcome);
        }
        startLanes();
        return outcomes;
    }

    /** Nothing waits and no lane runs: nothing is lost by forgetting these lanes. */
    boolean idle() {
        return running.get() == 0 && waiting.isEmpty();
    }

    private void startLanes() {
        while (!waiting.isEmpty()) {
            int now = running.get();
            if (now >= width) {
                return;
            }
            if (!running.compareAndSet(now, now + 1)) {
                continue;
            }
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException refused) {
                if (running.decrementAndGet() == 0) {
                    failWaiting(refused);
                }
                // A lane that does run takes the items this one would have.
                return;
            }
        }
    }

    private void drain() {
        try {
            Queued<T, R> next;
            while ((next = waiting.poll()) != null) {
                // An interrupted lane was told to stop: the items after the one it was cut in are not begun either.
                boolean begin = !stopped.getAsBoolean() && !Thread.currentThread().isInterrupted();
                try {
                    next.outcome().complete(begin ? work.apply(next.item()) : whenNotStarted.apply(next.item()));
                } catch (RuntimeException failure) {
                    next.outcome().completeExceptionally(failure);
                }
            }
        } finally {
            running.decrementAndGet();
        }
        // Items handed over after the last poll and before the lane ended found every lane busy: start one for them.
        startLanes();
    }

    private void failWaiting(RejectedExecutionException refused) {
        Queued<T, R> next;
        while ((next = waiting.poll()) != null) {
            next.outcome().completeExceptionally(refused);
        }
    }
}
