package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.audit.Actor;

import java.util.Objects;
import java.util.Optional;

/**
 * @param actor          who asks, for the audit log
 * @param idempotencyKey the client's key for this request, if it sent one
 */
public record CancelCommand(OrderId orderId, Actor actor, Optional<IdempotencyKey> idempotencyKey) {

    public CancelCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** Without an idempotency key. */
    public CancelCommand(OrderId orderId, Actor actor) {
        this(orderId, actor, Optional.empty());
    }

    public CancelCommand withIdempotencyKey(IdempotencyKey key) {
        return new CancelCommand(orderId, actor, Optional.of(key));
    }

    /** A cancellation takes nothing but its order, which is the request's target (who asks is no part of it). */
    public String fingerprint() {
        return Fingerprint.of("");
    }
}
