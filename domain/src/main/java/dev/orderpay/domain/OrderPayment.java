package dev.orderpay.domain;

import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/** The provider's payment linked to an order, and how much of it has been captured and refunded so far. */
public record OrderPayment(Optional<PaymentId> paymentId, Money captured, Money refunded) {

    /** No payment yet, so nothing captured or refunded in the order's currency. */
    public static OrderPayment none(Currency currency) {
        return new OrderPayment(Optional.empty(), Money.zero(currency), Money.zero(currency));
    }

    /** @throws IllegalArgumentException if more was refunded than captured, or the two are in different currencies */
    public OrderPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        if (refunded.isMoreThan(captured)) {
            throw new IllegalArgumentException("refunded must lie between 0 and what was captured");
        }
    }
}
