package dev.orderpay.domain.contents;

import dev.orderpay.domain.Money;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

/**
 * What one capture or refund moves of one line: a quantity (0 when only an amount was asked for), its amount and the
 * VAT in that amount, in the order's currency.
 */
public record LineMovement(String lineId, BigDecimal quantity, Money amount, Money vatAmount) {

    public LineMovement {
        Objects.requireNonNull(lineId, "lineId");
        LineShare share = new LineShare(quantity, amount, vatAmount); // checks the parts
        quantity = share.quantity();
    }

    public LineShare share() {
        return new LineShare(quantity, amount, vatAmount);
    }

    /** What these movements come to together; nothing for none. */
    public static Money total(Collection<LineMovement> movements, Currency currency) {
        Money sum = Money.zero(currency);
        for (LineMovement movement : movements) {
            sum = sum.plus(movement.amount());
        }
        return sum;
    }
}
