package dev.orderpay.application.port.in.idempotency;

import java.util.Objects;

/**
 * What a use case that takes an idempotency key answers: what it did now, or, for a repeat of a request it has
 * answered before, the answer recorded then, to be given again as it was. A request without a key is always
 * carried out.
 *
 * @param <R> the use case's own result
 */
public sealed interface IdempotentResult<R> {

    static <R> IdempotentResult<R> executed(R result) {
        return new Executed<>(result);
    }

    static <R> IdempotentResult<R> replayed(RecordedAnswer answer) {
        return new Replayed<>(answer);
    }

    /** Carried out by this request. */
    record Executed<R>(R result) implements IdempotentResult<R> {
        public Executed {
            Objects.requireNonNull(result, "result");
        }
    }

    /** A repeat: nothing was done now, and the first request's answer is given again. */
    record Replayed<R>(RecordedAnswer answer) implements IdempotentResult<R> {
        public Replayed {
            Objects.requireNonNull(answer, "answer");
        }
    }
}
