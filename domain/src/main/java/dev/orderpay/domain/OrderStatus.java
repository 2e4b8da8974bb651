package dev.orderpay.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an order stands with its payment. The table below is the single place that says which status may follow
 * which; {@link Order} consults it for every change.
 */
public enum OrderStatus {
    /** Created; the buyer has not finished paying (or the checkout could not be opened yet). */
    PENDING,
    /** The provider holds the payment for review; it becomes authorized or fails later. */
    ON_HOLD,
    /** The money is reserved on the buyer's card or account. */
    AUTHORIZED,
    /** The money is taken. */
    CAPTURED,
    /** The buyer's payment method refused the payment. */
    DECLINED,
    /** The payment, or opening the checkout, went wrong. */
    FAILED,
    /** The buyer abandoned the checkout, or the authorization was voided. */
    CANCELLED,
    /** The checkout expired without a payment. */
    EXPIRED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(PENDING, EnumSet.of(ON_HOLD, AUTHORIZED, CAPTURED, DECLINED, FAILED, CANCELLED, EXPIRED));
        NEXT.put(ON_HOLD, EnumSet.of(AUTHORIZED, CAPTURED, DECLINED, FAILED, CANCELLED));
        NEXT.put(AUTHORIZED, EnumSet.of(CAPTURED, CANCELLED));
        NEXT.put(CAPTURED, EnumSet.noneOf(OrderStatus.class));
        // A refusal, abandonment or expiry never closes the door on money: if the provider later proves that
        // the buyer paid after all, the order follows the provider.
        NEXT.put(DECLINED, EnumSet.of(ON_HOLD, AUTHORIZED, CAPTURED));
        NEXT.put(FAILED, EnumSet.of(ON_HOLD, AUTHORIZED, CAPTURED));
        NEXT.put(CANCELLED, EnumSet.of(ON_HOLD, AUTHORIZED, CAPTURED));
        NEXT.put(EXPIRED, EnumSet.of(ON_HOLD, AUTHORIZED, CAPTURED));
    }

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<OrderStatus> allowedNext() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    /** Whether money is (or may soon be) with the merchant: such an order is never abandoned on a hint. */
    public boolean holdsPayment() {
        return this == ON_HOLD || this == AUTHORIZED || this == CAPTURED;
    }

    /** Whether the payment's outcome is still open, so the provider is worth asking again. */
    public boolean awaitsOutcome() {
        return this == PENDING || this == ON_HOLD;
    }
}
