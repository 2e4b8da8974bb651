package dev.orderpay.application.port.out;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentState;
import dev.orderpay.domain.SessionId;

import java.util.Objects;
import java.util.Optional;

/**
 * A payment as the provider reports it. Amount and currency are kept raw so that a payment that does not
 * match its order can still be read and refused. Captured and refunded stay raw with them: they are in that same
 * currency, which is only known to be one money can be counted in once the payment has been matched to its order;
 * {@link #state()} makes money of them then.
 *
 * @param sessionId          the checkout it was made through, if the provider says
 * @param orderReference     the reference the checkout was opened with: the order id
 * @param status             the provider's status translated to the order status it stands for
 * @param capturedMinorUnits how much of it has been captured so far
 * @param refundedMinorUnits how much of that has been refunded so far
 */
public record ProviderPayment(PaymentId paymentId, Optional<SessionId> sessionId, String orderReference,
                              long amountMinorUnits, String currency, OrderStatus status, long capturedMinorUnits,
                              long refundedMinorUnits) {

    public ProviderPayment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(status, "status");
    }

    /**
     * What the provider confirmed, in the payment's currency. Read only from a payment known to be its order's.
     *
     * @throws dev.orderpay.domain.InvalidValueException if the currency is not one money can be counted in
     */
    public PaymentState state() {
        return new PaymentState(paymentId, status, Money.of(countable(capturedMinorUnits), currency),
                Money.of(countable(refundedMinorUnits), currency));
    }

    // A provider's nonsense (less than nothing, more than any payment) is read as the nearest amount money can be;
    // the order takes no more than its own amount in any case.
    private static long countable(long minorUnits) {
        return Math.max(0, Math.min(minorUnits, Money.MAX_MINOR_UNITS));
    }
}
