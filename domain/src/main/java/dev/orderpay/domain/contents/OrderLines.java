package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An order's lines in the merchant's order: each line id once, at most {@value #MAX_LINES} lines. */
public record OrderLines(List<LineItem> items) {

    public static final int MAX_LINES = 500;
    public static final OrderLines NONE = new OrderLines(List.of());

    public OrderLines {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.size() > MAX_LINES) {
            throw new InvalidValueException("items", "must be at most " + MAX_LINES + " lines");
        }
        Set<String> seen = new HashSet<>();
        for (LineItem item : items) {
            if (!seen.add(item.lineId())) {
                throw new InvalidValueException("line_id", "must be unique in the order");
            }
        }
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int count() {
        return items.size();
    }

    /** What the lines add up to; nothing for no lines. */
    public Money total(Currency currency) {
        Money sum = Money.zero(currency);
        for (LineItem item : items) {
            sum = sum.plus(item.amount());
        }
        return sum;
    }
}
