package dev.orderpay.domain;

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
    /** Part of the authorized money is taken; the rest may still be captured. */
    PARTIALLY_CAPTURED,
    /** The money is taken. */
    CAPTURED,
    /** Part of the captured money was given back. */
    PARTIALLY_REFUNDED,
    /** All of the captured money was given back. */
    REFUNDED,
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
        // Money moves one way: authorized, captured (in parts or whole), refunded (in parts or whole). A status
        // reported by the provider may skip steps (a callback can arrive when the payment is already captured).
        Set<OrderStatus> paid = EnumSet.of(AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED);
        Set<OrderStatus> paidOrHeld = EnumSet.copyOf(paid);
        paidOrHeld.add(ON_HOLD);

        NEXT.put(PENDING, union(paidOrHeld, EnumSet.of(DECLINED, FAILED, CANCELLED, EXPIRED)));
        NEXT.put(ON_HOLD, union(paid, EnumSet.of(DECLINED, FAILED, CANCELLED)));
        NEXT.put(AUTHORIZED, EnumSet.of(PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, CANCELLED));
        NEXT.put(PARTIALLY_CAPTURED, EnumSet.of(CAPTURED, PARTIALLY_REFUNDED, REFUNDED));
        NEXT.put(CAPTURED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED));
        NEXT.put(PARTIALLY_REFUNDED, EnumSet.of(REFUNDED));
        NEXT.put(REFUNDED, EnumSet.noneOf(OrderStatus.class));
        // A refusal, abandonment or expiry never closes the door on money: if the provider later proves that
        // the buyer paid after all, the order follows the provider.
        NEXT.put(DECLINED, EnumSet.copyOf(paidOrHeld));
        NEXT.put(FAILED, EnumSet.copyOf(paidOrHeld));
        NEXT.put(CANCELLED, EnumSet.copyOf(paidOrHeld));
        NEXT.put(EXPIRED, EnumSet.copyOf(paidOrHeld));
    }

    private static Set<OrderStatus> union(Set<OrderStatus> first, Set<OrderStatus> second) {
        Set<OrderStatus> both = EnumSet.copyOf(first);
        both.addAll(second);
        return both;
    }

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether money is (or may soon be) with the merchant: such an order is never abandoned on a hint. */
    public boolean holdsPayment() {
        return this == ON_HOLD || this == AUTHORIZED || this == PARTIALLY_CAPTURED || this == CAPTURED
                || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** Whether the payment's outcome is still open, so the provider is worth asking again. */
    public boolean awaitsOutcome() {
        return this == PENDING || this == ON_HOLD;
    }
}
