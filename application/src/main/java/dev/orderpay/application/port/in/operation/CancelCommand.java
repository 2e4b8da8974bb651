package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.OrderId;

import java.util.Objects;
import java.util.Optional;

/** @param idempotencyKey the client's key for this request, if it sent one */
public record CancelCommand(OrderId orderId, Optional<IdempotencyKey> idempotencyKey) {

    public CancelCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** Without an idempotency key. */
    public CancelCommand(OrderId orderId) {
        this(orderId, Optional.empty());
    }

    public CancelCommand withIdempotencyKey(IdempotencyKey key) {
        return new CancelCommand(orderId, Optional.of(key));
    }

    /** A cancellation takes nothing but its order, which is the request's target. */
    public String fingerprint() {
        return Fingerprint.of("");
    }
}
