package dev.orderpay.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The money of an order's payment, all in the order's currency: what was authorized (the order's amount; a payment
 * for any other amount is refused), how much of it was captured, and how much of that was refunded. Always
 * {@code 0 ≤ refunded ≤ captured ≤ authorized}, the same rule the orders table checks.
 */
public record PaymentLedger(Money authorized, Money captured, Money refunded) {

    /** @throws IllegalArgumentException if the amounts are out of order or in more than one currency */
    public PaymentLedger {
        Objects.requireNonNull(authorized, "authorized");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        // Comparing refuses mixed currencies, so this also keeps the ledger in one.
        if (captured.isMoreThan(authorized) || refunded.isMoreThan(captured)) {
            throw new IllegalArgumentException("a ledger needs refunded " + refunded + " <= captured " + captured
                    + " <= authorized " + authorized);
        }
    }

    /** What is authorized and not yet captured. */
    public Money leftToCapture() {
        return authorized.minus(captured);
    }

    /** What is captured and not yet refunded. */
    public Money leftToRefund() {
        return captured.minus(refunded);
    }

    /**
     * How much a capture of {@code requested} takes: all that is left to capture when empty.
     *
     * @param refusal makes what is thrown, from a sentence saying why the capture cannot be had
     * @throws InvalidValueException if {@code requested} is nothing
     */
    public Money toCapture(Optional<Money> requested, Function<String, ? extends RuntimeException> refusal) {
        return withinWhatIsLeft(requested, leftToCapture(), "capture", refusal);
    }

    /**
     * How much a refund of {@code requested} takes: all that is captured and not yet refunded when empty.
     *
     * @param refusal makes what is thrown, from a sentence saying why the refund cannot be had
     * @throws InvalidValueException if {@code requested} is nothing
     */
    public Money toRefund(Optional<Money> requested, Function<String, ? extends RuntimeException> refusal) {
        return withinWhatIsLeft(requested, leftToRefund(), "refund", refusal);
    }

    private Money withinWhatIsLeft(Optional<Money> requested, Money left, String operation,
                                   Function<String, ? extends RuntimeException> refusal) {
        if (left.isZero()) {
            throw refusal.apply(operation + ": nothing is left");
        }
        Money wanted = requested.orElse(left);
        Money.requirePositive(wanted.minorUnits());
        if (!wanted.currency().equals(left.currency())) {
            throw refusal.apply(operation + " in " + wanted.currencyCode() + ": the order is in "
                    + left.currencyCode());
        }
        if (wanted.isMoreThan(left)) {
            throw refusal.apply(operation + " " + wanted + ": only " + left + " is left");
        }
        return wanted;
    }

    /**
     * The ledger after the provider confirmed these totals. They only ever grow, so a smaller total is an older
     * report and changes nothing; captured stops at what was authorized, refunded at what was captured.
     *
     * @throws IllegalArgumentException if the totals are in another currency
     */
    public PaymentLedger follow(Money confirmedCaptured, Money confirmedRefunded) {
        Money nowCaptured = captured.isLessThan(confirmedCaptured) ? confirmedCaptured.min(authorized) : captured;
        Money nowRefunded = refunded.isLessThan(confirmedRefunded) ? confirmedRefunded.min(nowCaptured) : refunded;
        return new PaymentLedger(authorized, nowCaptured, nowRefunded);
    }

    /**
     * Whether these amounts show a pending capture (or refund) done: the total captured (or refunded) has reached
     * what it was when the operation started plus the operation's amount. A cancellation moves no money, so it
     * never shows here.
     */
    public boolean reflects(PendingOperation operation) {
        return switch (operation.type()) {
            case CAPTURE -> !captured.isLessThan(operation.baseline().plus(operation.amount()));
            case REFUND -> !refunded.isLessThan(operation.baseline().plus(operation.amount()));
            case CANCEL -> false;
        };
    }
}
