package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;

import java.util.Objects;
import java.util.Optional;

/** The rule for an amount a merchant asks to capture or refund: a positive number of minor units, if given. */
final class OperationAmounts {

    private OperationAmounts() {
    }

    static Optional<Long> requirePositive(Optional<Long> amount) {
        Objects.requireNonNull(amount, "amount");
        amount.ifPresent(minorUnits -> {
            try {
                Money.requirePositive(minorUnits);
            } catch (InvalidValueException invalid) {
                throw InvalidCommandException.of(invalid.subject(), invalid.reason());
            }
        });
        return amount;
    }
}
