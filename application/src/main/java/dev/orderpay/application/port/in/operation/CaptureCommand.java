package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.audit.Actor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param amount         how much to capture, in the order's minor units (the order knows its currency); all that is
 *                       left when empty and there are no items
 * @param items          the order's lines to capture, each by quantity, amount or both; none to capture by amount
 * @param actor          who asks, for the audit log
 * @param idempotencyKey the client's key for this request, if it sent one
 */
public record CaptureCommand(OrderId orderId, Optional<Long> amount, List<OperationItem> items, Actor actor,
                             Optional<IdempotencyKey> idempotencyKey) {

    public CaptureCommand {
        Objects.requireNonNull(orderId, "orderId");
        amount = OperationAmounts.requirePositive(amount);
        items = OperationAmounts.requireValidItems(items, amount);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** By amount alone. */
    public CaptureCommand(OrderId orderId, Optional<Long> amount, Actor actor,
                          Optional<IdempotencyKey> idempotencyKey) {
        this(orderId, amount, List.of(), actor, idempotencyKey);
    }

    /** By amount alone, without an idempotency key. */
    public CaptureCommand(OrderId orderId, Optional<Long> amount, Actor actor) {
        this(orderId, amount, actor, Optional.empty());
    }

    public CaptureCommand withIdempotencyKey(IdempotencyKey key) {
        return new CaptureCommand(orderId, amount, items, actor, Optional.of(key));
    }

    /**
     * A digest of what is asked for; the order is the request's target, so it is not part of it, nor is who asks
     * (the key already belongs to the client, and a retry comes with a request id of its own).
     */
    public String fingerprint() {
        return Fingerprint.of("amount " + amount.map(String::valueOf).orElse("all")
                + OperationAmounts.fingerprintOf(items));
    }
}
