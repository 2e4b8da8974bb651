package dev.orderpay.application.port.in.operation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line a capture or refund names, as the merchant sent it: the line's id, and how many of it, how much of its
 * amount (minor units of the order's currency), or both. The command holding it checks it, naming its path.
 *
 * @param lineId null when the merchant sent none (the command refuses it)
 */
public record OperationItem(String lineId, Optional<BigDecimal> quantity, Optional<Long> amount) {

    public OperationItem {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
    }
}
