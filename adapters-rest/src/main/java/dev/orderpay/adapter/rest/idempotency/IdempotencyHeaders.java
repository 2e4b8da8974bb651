package dev.orderpay.adapter.rest.idempotency;

import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/** The headers that make a request safe to send again, and how the key is read from them. */
public final class IdempotencyHeaders {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    public static final String KEY_DESCRIPTION = "The client's key for this request, 1 to 255 printable characters:"
            + " sending the request again with it returns the first answer and does nothing twice. A key belongs to"
            + " the API key that sent it and is remembered for ORDERPAY_IDEMPOTENCY_KEY_TTL (24 h); a request"
            + " refused with 400 is not remembered.";
    public static final String REPLAYED_DESCRIPTION = "true when this is the answer an earlier request with the same"
            + " Idempotency-Key was given, sent again";

    private IdempotencyHeaders() {
    }

    /** The client's key, if it sent one: its own, so the same text from two clients is two keys. */
    public static Optional<IdempotencyKey> keyOf(@Nullable String header, Authentication client) {
        return Optional.ofNullable(header).map(key -> new IdempotencyKey(client.getName(), key));
    }
}
