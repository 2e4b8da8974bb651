package dev.orderpay.domain.contents;

import dev.orderpay.domain.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.function.Function;

/**
 * What of one line this service's captures and refunds have moved so far. Always refunded ≤ captured ≤ the line, in
 * quantity, amount and VAT alike.
 */
public record LineLedger(LineItem line, LineShare captured, LineShare refunded) {

    /** @throws IllegalArgumentException if the shares are out of order or in another currency than the line */
    public LineLedger {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(refunded, "refunded");
        LineShare.of(line).minus(captured); // throws when out of order, as minus does below
        captured.minus(refunded);
    }

    /** A line nothing was captured from yet. */
    public static LineLedger untouched(LineItem line) {
        LineShare none = LineShare.none(line.amount().currency());
        return new LineLedger(line, none, none);
    }

    public String lineId() {
        return line.lineId();
    }

    public LineShare leftToCapture() {
        return LineShare.of(line).minus(captured);
    }

    public LineShare leftToRefund() {
        return captured.minus(refunded);
    }

    /**
     * What a capture of {@code asked} moves of this line.
     *
     * @param refusal makes what is thrown when more is asked for than is left
     */
    LineMovement toCapture(LineSelection asked, Function<LineShortfall, ? extends RuntimeException> refusal) {
        return take(asked, leftToCapture(), "capture", refusal);
    }

    /** What a refund of {@code asked} moves of this line: never more than was captured and not yet refunded. */
    LineMovement toRefund(LineSelection asked, Function<LineShortfall, ? extends RuntimeException> refusal) {
        return take(asked, leftToRefund(), "refund", refusal);
    }

    /** Whether this much is left to capture of the line, so {@link #afterCapture} can take the movement. */
    boolean canCapture(LineMovement movement) {
        return leftToCapture().covers(movement.share());
    }

    /** Whether this much was captured of the line and not yet refunded, so {@link #afterRefund} can take it. */
    boolean canRefund(LineMovement movement) {
        return leftToRefund().covers(movement.share());
    }

    LineLedger afterCapture(LineMovement movement) {
        return new LineLedger(line, captured.plus(movement.share()), refunded);
    }

    LineLedger afterRefund(LineMovement movement) {
        return new LineLedger(line, captured, refunded.plus(movement.share()));
    }

    /**
     * A quantity alone moves its share of the line's amount and VAT, rounded down, except that the last units left
     * take all that is left, so the line's parts always add up to it. An amount moves that much, with its share of
     * the VAT (all the VAT left when it is all the amount left).
     */
    private LineMovement take(LineSelection asked, LineShare left, String operation,
                              Function<LineShortfall, ? extends RuntimeException> refusal) {
        BigDecimal quantity = asked.quantity().orElse(BigDecimal.ZERO);
        if (quantity.compareTo(left.quantity()) > 0) {
            throw refusal.apply(new LineShortfall(lineId(), operation, quantity.toPlainString(),
                    left.quantity().toPlainString()));
        }
        boolean lastUnits = asked.amount().isEmpty() && quantity.compareTo(left.quantity()) == 0;
        Money amount = asked.amount().orElseGet(() -> lastUnits ? left.amount() : share(line.amount(), quantity));
        if (amount.isMoreThan(left.amount())) {
            throw refusal.apply(new LineShortfall(lineId(), operation, amount.toString(), left.amount().toString()));
        }
        Money vatAmount;
        if (amount.equals(left.amount())) {
            vatAmount = left.vatAmount();
        } else if (asked.amount().isEmpty()) {
            vatAmount = share(line.vatAmount(), quantity).min(left.vatAmount());
        } else {
            vatAmount = new Money(BigDecimal.valueOf(line.vatAmount().minorUnits())
                    .multiply(BigDecimal.valueOf(amount.minorUnits()))
                    .divide(BigDecimal.valueOf(line.amount().minorUnits()), 0, RoundingMode.FLOOR)
                    .longValueExact(), amount.currency()).min(left.vatAmount());
        }
        return new LineMovement(lineId(), quantity, amount, vatAmount);
    }

    /** {@code quantity}'s share of {@code whole}, the line's amount or VAT, rounded down to a minor unit. */
    private Money share(Money whole, BigDecimal quantity) {
        long minorUnits = BigDecimal.valueOf(whole.minorUnits()).multiply(quantity)
                .divide(line.quantity(), 0, RoundingMode.FLOOR).longValueExact();
        return new Money(minorUnits, whole.currency());
    }
}
