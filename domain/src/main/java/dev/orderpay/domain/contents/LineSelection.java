package dev.orderpay.domain.contents;

import dev.orderpay.domain.Money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a capture or refund asks of one line: a quantity, an amount, or both. A quantity alone moves its share of the
 * line's amount, rounded down; an amount moves that much and no quantity unless one is given too.
 */
public record LineSelection(String lineId, Optional<BigDecimal> quantity, Optional<Money> amount) {

    public LineSelection {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        if (quantity.isEmpty() && amount.isEmpty()) {
            throw new IllegalArgumentException("a line is asked for by quantity, amount or both");
        }
        quantity = quantity.map(LineShare::plain);
    }
}
