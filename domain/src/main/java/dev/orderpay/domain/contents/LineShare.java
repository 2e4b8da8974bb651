package dev.orderpay.domain.contents;

import dev.orderpay.domain.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * Some of one line: how many of it, what they come to (VAT included) and the VAT in that. The quantity is 0 when
 * only an amount of the line moved.
 */
public record LineShare(BigDecimal quantity, Money amount, Money vatAmount) {

    public LineShare {
        quantity = plain(Objects.requireNonNull(quantity, "quantity"));
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("a share of a line has no negative quantity: " + quantity);
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(vatAmount, "vatAmount");
        if (!amount.currency().equals(vatAmount.currency())) {
            throw new IllegalArgumentException("a share of a line is in one currency: " + amount + ", " + vatAmount);
        }
    }

    public static LineShare none(Currency currency) {
        return new LineShare(BigDecimal.ZERO, Money.zero(currency), Money.zero(currency));
    }

    /** All of the line. */
    public static LineShare of(LineItem line) {
        return new LineShare(line.quantity(), line.amount(), line.vatAmount());
    }

    public LineShare plus(LineShare other) {
        return new LineShare(quantity.add(other.quantity), amount.plus(other.amount), vatAmount.plus(other.vatAmount));
    }

    /** @throws IllegalArgumentException if {@code other} is more than this in any part */
    public LineShare minus(LineShare other) {
        BigDecimal less = quantity.subtract(other.quantity);
        if (less.signum() < 0) {
            throw new IllegalArgumentException(quantity + " minus " + other.quantity + " is less than nothing");
        }
        return new LineShare(less, amount.minus(other.amount), vatAmount.minus(other.vatAmount));
    }

    /** Whether {@code other} is no more than this in any part: whether {@link #minus} can take it. */
    public boolean covers(LineShare other) {
        return quantity.compareTo(other.quantity) >= 0 && !other.amount.isMoreThan(amount)
                && !other.vatAmount.isMoreThan(vatAmount);
    }

    public boolean isNothing() {
        return quantity.signum() == 0 && amount.isZero() && vatAmount.isZero();
    }

    /** Without trailing zeros, so that 2 and 2.000 are the same quantity. */
    static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
