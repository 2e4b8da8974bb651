package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.InvalidCommandException;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * Amounts arrive as JSON numbers read into decimals, because reading them into a long would silently truncate
 * 12.5 to 12. Only whole numbers are minor units.
 */
final class MinorUnits {

    private MinorUnits() {
    }

    /** @throws InvalidCommandException naming {@code amount} if the number has a fraction or does not fit a long */
    static @Nullable Long exact(@Nullable BigDecimal amount) {
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
