package dev.orderpay.application.port.in.idempotency;

/** Reads what a use case answered, for tests that know whether it carried the request out or replayed it. */
public final class IdempotentResults {

    private IdempotentResults() {
    }

    /** The use case's own result: the request was carried out now. */
    public static <R> R executed(IdempotentResult<R> result) {
        if (result instanceof IdempotentResult.Executed<R> executed) {
            return executed.result();
        }
        throw new AssertionError("expected the request to be carried out, but it was replayed: " + result);
    }

    /** The answer recorded for the first request with the key: this one was a repeat. */
    public static RecordedAnswer replayed(IdempotentResult<?> result) {
        if (result instanceof IdempotentResult.Replayed<?> replayed) {
            return replayed.answer();
        }
        throw new AssertionError("expected a replay, but the request was carried out: " + result);
    }
}
