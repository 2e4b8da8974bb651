package dev.orderpay.application.port.in.idempotency;

import java.util.Objects;
import java.util.Optional;

/**
 * An answer as the inbound adapter gave it to the first request with an idempotency key, kept to be given again,
 * unchanged, to every repeat of that request.
 *
 * @param status   the answer's status (for HTTP, its status code)
 * @param location where the answer points the client, if it does (for HTTP, its {@code Location})
 * @param body     the answer's body, exactly as rendered
 */
public record RecordedAnswer(int status, Optional<String> location, String body) {

    public RecordedAnswer {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(body, "body");
    }
}
