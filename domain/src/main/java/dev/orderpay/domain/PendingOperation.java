package dev.orderpay.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A capture, refund or cancellation this service has asked the provider for and not yet seen reflected in the
 * payment. While one is pending, no other may start: two requests can never both spend the same money.
 *
 * @param amount   how much is captured or refunded (nothing for a cancellation), in the order's currency
 * @param baseline the captured (or refunded) total when the operation started, so its effect can be told
 */
public record PendingOperation(Type type, Money amount, Money baseline, Instant startedAt) {

    public enum Type {
        CAPTURE, REFUND, CANCEL
    }

    public PendingOperation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(startedAt, "startedAt");
        amount.sameCurrency(baseline); // one currency, or it throws
    }

    /** Whether the provider's payment, in this status and with these amounts, shows this operation done. */
    boolean isReflectedIn(OrderStatus status, PaymentLedger ledger) {
        return type == Type.CANCEL ? status == OrderStatus.CANCELLED : ledger.reflects(this);
    }
}
