package dev.orderpay.application.port.in;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Receipt;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

public record CreateOrderCommand(Money amount, Receipt receipt) {

    public CreateOrderCommand {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(receipt, "receipt");
    }

    /** Builds the command from raw input, reporting every bad field at once rather than the first. */
    public static CreateOrderCommand of(Long amount, String currencyCode, String receipt) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long validAmount = amount == null ? null : validated(errors, () -> Money.amount(amount));
        if (amount == null) {
            errors.put("amount", "is required");
        }
        Currency currency = validated(errors, () -> Money.currency(currencyCode));
        Receipt validReceipt = validated(errors, () -> new Receipt(receipt));
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new CreateOrderCommand(new Money(validAmount, currency), validReceipt);
    }

    private static <T> T validated(Map<String, String> errors, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(invalid.subject(), invalid.reason());
            return null;
        }
    }
}
