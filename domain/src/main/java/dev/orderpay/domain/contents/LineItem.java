package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.PlainText;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an order: what was sold, how many, and what the line costs in all ({@code amount}, VAT included) with
 * the VAT's share of it. Quantity and VAT rate are the only decimals; money stays whole minor units. Each field is
 * checked on its own by a static method, so input with several bad fields can hear of all of them.
 *
 * @param vat the VAT rate in percent
 */
public record LineItem(String lineId, String description, BigDecimal quantity, Money amount, BigDecimal vat,
                       Money vatAmount, Optional<String> sku) {

    public static final int MAX_LINE_ID_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    public static final int MAX_SKU_LENGTH = 100;
    public static final int MAX_QUANTITY_SCALE = 3;
    public static final int MAX_VAT_SCALE = 2;
    /** Far beyond any real line; it keeps a quantity's digits within what the table's column is sized for. */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LineItem {
        lineId(lineId);
        description(description);
        quantity = quantity(quantity);
        Objects.requireNonNull(amount, "amount");
        vat = vat(vat);
        Objects.requireNonNull(vatAmount, "vatAmount");
        vatAmount(amount, vatAmount);
        Objects.requireNonNull(sku, "sku").ifPresent(LineItem::sku);
    }

    public static String lineId(String lineId) {
        return PlainText.require("line_id", lineId, MAX_LINE_ID_LENGTH);
    }

    public static String description(String description) {
        return PlainText.require("description", description, MAX_DESCRIPTION_LENGTH);
    }

    public static String sku(String sku) {
        return PlainText.require("sku", sku, MAX_SKU_LENGTH);
    }

    /** Positive, at most 3 decimals once trailing zeros are dropped (1.500 is 1.5). */
    public static BigDecimal quantity(BigDecimal quantity) {
        if (quantity == null) {
            throw new InvalidValueException("quantity", "is required");
        }
        if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
            throw new InvalidValueException("quantity", "must be more than 0 and at most " + MAX_QUANTITY);
        }
        BigDecimal plain = quantity.stripTrailingZeros();
        if (plain.scale() > MAX_QUANTITY_SCALE) {
            throw new InvalidValueException("quantity", "must have at most " + MAX_QUANTITY_SCALE + " decimals");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** A percentage from 0 to 100 with at most 2 decimals. */
    public static BigDecimal vat(BigDecimal vat) {
        if (vat == null) {
            throw new InvalidValueException("vat", "is required");
        }
        if (vat.signum() < 0 || vat.compareTo(HUNDRED) > 0) {
            throw new InvalidValueException("vat", "must be a percentage from 0 to 100");
        }
        BigDecimal plain = vat.stripTrailingZeros();
        if (plain.scale() > MAX_VAT_SCALE) {
            throw new InvalidValueException("vat", "must have at most " + MAX_VAT_SCALE + " decimals");
        }
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** The VAT is part of the line's amount, so it can never be more than the amount. */
    public static Money vatAmount(Money amount, Money vatAmount) {
        if (vatAmount.isMoreThan(amount)) {
            throw new InvalidValueException("vat_amount", "must not be more than the line's amount");
        }
        return vatAmount;
    }
}
