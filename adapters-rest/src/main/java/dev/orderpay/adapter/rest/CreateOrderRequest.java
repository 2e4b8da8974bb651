package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.CreateOrderCommand;
import dev.orderpay.application.port.in.InvalidCommandException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * The body of {@code POST /orders}, as sent: every field may be missing, and the command says which are wrong.
 * The amount is read as a decimal because the JSON reader would silently truncate 12.5 into a long.
 */
@Serdeable
record CreateOrderRequest(@Nullable BigDecimal amount, @Nullable String currency, @Nullable String receipt) {

    CreateOrderCommand toCommand() {
        return CreateOrderCommand.of(minorUnits(), currency, receipt);
    }

    private Long minorUnits() {
        if (amount == null) {
            return null;
        }
        try {
            return amount.longValueExact();
        } catch (ArithmeticException notALong) {
            throw InvalidCommandException.of("amount", "must be a whole number of minor units");
        }
    }
}
