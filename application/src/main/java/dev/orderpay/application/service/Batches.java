package dev.orderpay.application.service;

import java.util.function.BinaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * Works through a backlog in bounded batches: batch after batch until one comes back short (the backlog is done) or
 * a run has taken its share of batches (the next run goes on), so a backlog drains and no run holds on for long.
 *
 * @param size       how many items one batch takes at most
 * @param maxPerRun  how many batches one run takes at most
 */
record Batches(int size, int maxPerRun) {

    Batches {
        if (size < 1 || maxPerRun < 1) {
            throw new IllegalArgumentException("a batch takes at least one item, a run at least one batch");
        }
    }

    /** For batches that answer how many items they handled; answers how many the run handled. */
    int drain(IntUnaryOperator batch) {
        return drain(batch::applyAsInt, Integer::intValue, Integer::sum);
    }

    /**
     * @param batch    does one batch of at most the given number of items
     * @param handled  how many items a batch's result says it handled
     * @param combined two results as one
     * @return the results of all batches of this run, combined
     */
    <R> R drain(IntFunction<R> batch, ToIntFunction<R> handled, BinaryOperator<R> combined) {
        R last = batch.apply(size);
        R total = last;
        for (int taken = 1; taken < maxPerRun && handled.applyAsInt(last) >= size; taken++) {
            last = batch.apply(size);
            total = combined.apply(total, last);
        }
        return total;
    }
}
