package dev.orderpay.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs a list of tasks for one destination through at most {@code width} lanes: each lane is one task on the
 * executor that takes the next item until none is left, so no more than {@code width} items are at work at once,
 * however many were handed over. Once {@code stopped} says so, a lane takes no new item to work on: what was not
 * started completes with {@code whenNotStarted} instead.
 */
final class Lanes<T, R> {

    private record Queued<T, R>(T item, CompletableFuture<R> outcome) {
    }

    private final Queue<Queued<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final Function<T, R> work;
    private final Function<T, R> whenNotStarted;
    private final BooleanSupplier stopped;

    private Lanes(Function<T, R> work, Function<T, R> whenNotStarted, BooleanSupplier stopped) {
        this.work = work;
        this.whenNotStarted = whenNotStarted;
        this.stopped = stopped;
    }

    /**
     * Starts the lanes and returns each item's outcome, in the items' order. If the executor refuses every lane, the
     * outcomes complete exceptionally with its refusal.
     */
    static <T, R> List<CompletableFuture<R>> run(List<T> items, int width, Executor executor, Function<T, R> work,
                                                 Function<T, R> whenNotStarted, BooleanSupplier stopped) {
        Lanes<T, R> lanes = new Lanes<>(work, whenNotStarted, stopped);
        List<CompletableFuture<R>> outcomes = new ArrayList<>(items.size());
        for (T item : items) {
            CompletableFuture<R> outcome = new CompletableFuture<>();
            lanes.waiting.add(new Queued<>(item, outcome));
            outcomes.add(outcome);
        }
        int started = 0;
        for (int lane = 0; lane < Math.min(width, items.size()); lane++) {
            try {
                executor.execute(lanes::drain);
                started++;
            } catch (RejectedExecutionException refused) {
                if (started == 0) {
                    lanes.failAll(refused);
                }
                // A lane that did start takes the items this one would have.
                break;
            }
        }
        return outcomes;
    }

    private void drain() {
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
    }

    private void failAll(RejectedExecutionException refused) {
        Queued<T, R> next;
        while ((next = waiting.poll()) != null) {
            next.outcome().completeExceptionally(refused);
        }
    }
}
