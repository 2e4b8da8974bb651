package dev.orderpay.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in the currency's minor units (øre, cents): never a floating-point number.
 * Only positive amounts exist here: an order for nothing is not an order.
 */
public record Money(long minorUnits, Currency currency) {

    /** An upper bound that no real order reaches; anything larger is a bug or an attack. */
    public static final long MAX_MINOR_UNITS = 100_000_000_000L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        amount(minorUnits);
        requirePayable(currency);
    }

    public static Money of(long minorUnits, String currencyCode) {
        return new Money(minorUnits, currency(currencyCode));
    }

    /** Checks an amount on its own, so that input with a bad amount and a bad currency hears of both. */
    public static long amount(long minorUnits) {
        if (minorUnits <= 0) {
            throw new InvalidValueException("amount", "must be a positive whole number of minor units");
        }
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

    public boolean sameAs(long otherMinorUnits, String otherCurrencyCode) {
        return minorUnits == otherMinorUnits && currencyCode().equals(otherCurrencyCode);
    }

    @Override
    public String toString() {
        return toMajorUnits().toPlainString() + " " + currencyCode();
    }
}
