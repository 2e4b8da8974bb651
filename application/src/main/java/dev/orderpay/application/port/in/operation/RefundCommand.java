package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.PlainText;
import dev.orderpay.domain.audit.Actor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param amount         how much to refund, in the order's minor units; all that was captured and not yet refunded
 *                       when empty and there are no items
 * @param items          the order's lines to refund, each by quantity, amount or both; none to refund by amount
 * @param reason         the merchant's words for the refund, passed to the provider
 * @param actor          who asks, for the audit log
 * @param idempotencyKey the client's key for this request, if it sent one
 */
public record RefundCommand(OrderId orderId, Optional<Long> amount, List<OperationItem> items,
                            Optional<String> reason, Actor actor, Optional<IdempotencyKey> idempotencyKey) {

    public static final int MAX_REASON_LENGTH = 255;

    public RefundCommand {
        Objects.requireNonNull(orderId, "orderId");
        amount = OperationAmounts.requirePositive(amount);
        items = OperationAmounts.requireValidItems(items, amount);
        Objects.requireNonNull(reason, "reason");
        reason.ifPresent(RefundCommand::requireValidReason);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** By amount alone. */
    public RefundCommand(OrderId orderId, Optional<Long> amount, Optional<String> reason, Actor actor,
                         Optional<IdempotencyKey> idempotencyKey) {
        this(orderId, amount, List.of(), reason, actor, idempotencyKey);
    }

    /** By amount alone, without an idempotency key. */
    public RefundCommand(OrderId orderId, Optional<Long> amount, Optional<String> reason, Actor actor) {
        this(orderId, amount, reason, actor, Optional.empty());
    }

    public RefundCommand withIdempotencyKey(IdempotencyKey key) {
        return new RefundCommand(orderId, amount, items, reason, actor, Optional.of(key));
    }

    /**
     * A digest of what is asked for (not who asks); the reason cannot hold a line break, so it is safe last on its
     * line.
     */
    public String fingerprint() {
        return Fingerprint.of("amount " + amount.map(String::valueOf).orElse("all") + "\nreason "
                + reason.map(text -> "=" + text).orElse("") + OperationAmounts.fingerprintOf(items));
    }

    private static void requireValidReason(String reason) {
        try {
            PlainText.require("reason", reason, MAX_REASON_LENGTH);
        } catch (InvalidValueException invalid) {
            throw InvalidCommandException.of(invalid.subject(), invalid.reason());
        }
    }
}
