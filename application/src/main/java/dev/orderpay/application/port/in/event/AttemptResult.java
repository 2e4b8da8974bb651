package dev.orderpay.application.port.in.event;

import java.util.Objects;

/** What one webhook call came to: the receiver's answer, or why there was none. */
public sealed interface AttemptResult {

    /**
     * @param bodyExcerpt the start of the answer's body (a few hundred characters at most), empty when it had none
     */
    record Answered(int statusCode, String bodyExcerpt) implements AttemptResult {
        public Answered {
            Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
            if (statusCode < 100 || statusCode > 999) {
                throw new IllegalArgumentException("not an HTTP status: " + statusCode);
            }
        }

        public boolean isSuccess() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    /** @param error what went wrong (no connection, no answer in time...), in a few words with nothing secret */
    record NotAnswered(String error) implements AttemptResult {
        public NotAnswered {
            Objects.requireNonNull(error, "error");
        }
    }
}
