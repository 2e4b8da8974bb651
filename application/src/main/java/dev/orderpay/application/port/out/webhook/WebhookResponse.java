package dev.orderpay.application.port.out.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What came of one webhook call: the receiver's answer, or why there was none. */
public sealed interface WebhookResponse {

    /** From the start of the call to its answer or failure. */
    Duration latency();

    /**
     * The receiver answered.
     *
     * @param retryAfter  the receiver's {@code Retry-After}, when it sent a usable one
     * @param bodyExcerpt the start of the answer's body, short enough to keep (a few hundred characters)
     */
    record Answered(int statusCode, Duration latency, Optional<Duration> retryAfter, String bodyExcerpt)
            implements WebhookResponse {

        public Answered {
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
        }
    }

    /**
     * No answer: the name did not resolve, the address is not allowed, the connection failed, or the receiver did
     * not answer within the timeout.
     *
     * @param error what went wrong, in a few words, with nothing secret in it
     */
    record NotAnswered(String error, Duration latency) implements WebhookResponse {

        public NotAnswered {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(latency, "latency");
        }
    }
}
