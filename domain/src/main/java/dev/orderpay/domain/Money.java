package dev.orderpay.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in the currency's minor units (øre, cents): never a floating-point number, never negative.
 * Zero exists (nothing captured yet); that an order is for more than nothing is a rule of placing it.
 * Arithmetic and comparisons refuse to mix currencies.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    /** An upper bound that no real order reaches; anything larger is a bug or an attack. */
    public static final long MAX_MINOR_UNITS = 100_000_000_000L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new InvalidValueException("amount", "must not be negative");
        }
        requireAtMostMax(minorUnits);
        requirePayable(currency);
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * The rule for an amount a merchant asks for (an order, a capture, a refund): more than nothing, and no more
     * than any real payment. Checked on its own, so that input with a bad amount and a bad currency hears of both.
     */
    public static long requirePositive(long minorUnits) {
        if (minorUnits <= 0) {
            throw new InvalidValueException("amount", "must be a positive whole number of minor units");
        }
        return requireAtMostMax(minorUnits);
    }

    private static long requireAtMostMax(long minorUnits) {
        if (minorUnits > MAX_MINOR_UNITS) {
            throw new InvalidValueException("amount", "must not exceed " + MAX_MINOR_UNITS + " minor units");
        }
        return minorUnits;
    }

    /** Parses an ISO 4217 code such as {@code NOK}; lower case and unknown codes are refused. */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new InvalidValueException("currency", "must be an ISO 4217 code of three capital letters");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException("currency", code + " is not an ISO 4217 currency");
        }
        return requirePayable(currency);
    }

    // Codes such as XXX (no currency) or XAU (gold) exist in ISO 4217 but have no minor unit to count in.
    private static Currency requirePayable(Currency currency) {
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidValueException("currency", currency.getCurrencyCode() + " is not a currency one can pay in");
        }
        return currency;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in major units, scaled by the currency's own number of decimals (2 for NOK, 0 for JPY). */
    public BigDecimal toMajorUnits() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        return new Money(minorUnits + sameCurrency(other).minorUnits, currency);
    }

    /** @throws IllegalArgumentException if {@code other} is more than this: money is never negative */
    public Money minus(Money other) {
        if (isLessThan(other)) {
            throw new IllegalArgumentException(this + " minus " + other + " is less than nothing");
        }
        return new Money(minorUnits - other.minorUnits, currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public boolean isMoreThan(Money other) {
        return compareTo(other) > 0;
    }

    /** The smaller of the two. */
    public Money min(Money other) {
        return isMoreThan(other) ? other : this;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(minorUnits, sameCurrency(other).minorUnits);
    }

    /** @return {@code other}, which must be in this currency: amounts kept together are in one */
    Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " with " + other);
        }
        return other;
    }

    public boolean sameAs(long otherMinorUnits, String otherCurrencyCode) {
        return minorUnits == otherMinorUnits && currencyCode().equals(otherCurrencyCode);
    }

    @Override
    public String toString() {
        return toMajorUnits().toPlainString() + " " + currencyCode();
    }
}
