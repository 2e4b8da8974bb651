package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.OrderLines;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rules for what a merchant asks to capture or refund: a positive number of minor units, if given, or the
 * order's lines ({@code items}), each by quantity, amount or both, never together with an amount. Whether the order
 * has those lines, and enough of them left, is the order's to say.
 */
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

    /** @throws InvalidCommandException naming every bad item by its path ({@code items[2].quantity}) */
    static List<OperationItem> requireValidItems(List<OperationItem> items, Optional<Long> amount) {
        Objects.requireNonNull(items, "items");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!items.isEmpty() && amount.isPresent()) {
            errors.put("amount", "must not be sent with items: the items say how much");
        }
        if (items.size() > OrderLines.MAX_LINES) {
            errors.put("items", "must be at most " + OrderLines.MAX_LINES + " lines");
        }
        Set<String> lineIds = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            String path = "items[" + index + "]";
            OperationItem item = items.get(index);
            if (item == null) {
                errors.put(path, "must be a line, not null");
                continue;
            }
            String lineId = checked(errors, path, () -> LineItem.lineId(item.lineId()));
            if (lineId != null && !lineIds.add(lineId)) {
                errors.put(path + ".line_id", "names a line already named");
            }
            item.quantity().ifPresent(quantity -> checked(errors, path, () -> LineItem.quantity(quantity)));
            item.amount().ifPresent(minorUnits -> checked(errors, path, () -> Money.requirePositive(minorUnits)));
            if (item.quantity().isEmpty() && item.amount().isEmpty()) {
                errors.put(path, "needs a quantity, an amount or both");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return List.copyOf(items);
    }

    /**
     * What the items add to a fingerprint: nothing without any, so requests without items keep the fingerprint they
     * had before operations took items. Line ids are plain text without control characters, so tabs part the fields.
     */
    static String fingerprintOf(List<OperationItem> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder canonical = new StringBuilder("\nitems");
        for (OperationItem item : items) {
            canonical.append("\n").append(item.lineId())
                    .append("\t").append(item.quantity().map(quantity -> quantity.stripTrailingZeros().toPlainString())
                            .orElse("-"))
                    .append("\t").append(item.amount().map(String::valueOf).orElse("-"));
        }
        return canonical.toString();
    }

    private static <T> T checked(Map<String, String> errors, String path, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(path + "." + invalid.subject(), invalid.reason());
            return null;
        }
    }
}
