package dev.orderpay.domain;

import dev.orderpay.domain.contents.LineMovement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A capture, refund or cancellation this service has asked the provider for and not yet seen reflected in the
 * payment. While one is pending, no other may start: two requests can never both spend the same money.
 *
 * @param amount   how much is captured or refunded (nothing for a cancellation), in the order's currency
 * @param baseline the captured (or refunded) total when the operation started, so its effect can be told
 * @param lines    what it moves of each of the order's lines, adding up to {@code amount}; none when the order has
 *                 no lines (and for a cancellation)
 */
public record PendingOperation(Type type, Money amount, Money baseline, Instant startedAt, List<LineMovement> lines) {

    public enum Type {
        CAPTURE, REFUND, CANCEL
    }

    public PendingOperation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(startedAt, "startedAt");
        amount.sameCurrency(baseline); // one currency, or it throws
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (!lines.isEmpty() && !LineMovement.total(lines, amount.currency()).equals(amount)) {
            throw new IllegalArgumentException("an operation's lines add up to its amount " + amount);
        }
    }

    /** One that moves no line: on an order without lines, or a cancellation. */
    public PendingOperation(Type type, Money amount, Money baseline, Instant startedAt) {
        this(type, amount, baseline, startedAt, List.of());
    }

    /**
     * Whether this is {@code other}, told apart by what an idempotent request records of it (type, amount, baseline
     * and start), which leaves the lines to the order.
     */
    public boolean isSameAs(PendingOperation other) {
        return type == other.type && amount.equals(other.amount) && baseline.equals(other.baseline)
                && startedAt.equals(other.startedAt);
    }

    /** Whether the provider's payment, in this status and with these amounts, shows this operation done. */
    boolean isReflectedIn(OrderStatus status, PaymentLedger ledger) {
        return type == Type.CANCEL ? status == OrderStatus.CANCELLED : ledger.reflects(this);
    }
}
