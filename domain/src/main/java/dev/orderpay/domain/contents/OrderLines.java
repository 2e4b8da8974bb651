package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.Money;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An order's lines in the merchant's order: each line id once, at most {@value #MAX_LINES} lines. A listing of orders
 * reads only how many lines each has ({@link #counted}); asking such lines for their items is a bug and throws.
 */
public final class OrderLines {

    public static final int MAX_LINES = 500;
    public static final OrderLines NONE = new OrderLines(List.of());

    private final List<LineItem> items;
    private final int count;

    public OrderLines(List<LineItem> items) {
        this.items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (this.items.size() > MAX_LINES) {
            throw new InvalidValueException("items", "must be at most " + MAX_LINES + " lines");
        }
        Set<String> seen = new HashSet<>();
        for (LineItem item : this.items) {
            if (!seen.add(item.lineId())) {
                throw new InvalidValueException("line_id", "must be unique in the order");
            }
        }
        this.count = this.items.size();
    }

    private OrderLines(int count) {
        this.items = null;
        this.count = count;
    }

    /** Lines known only by their number, as a listing reads them: even none are not {@link #NONE}, a loaded list. */
    public static OrderLines counted(int count) {
        if (count < 0 || count > MAX_LINES) {
            throw new IllegalArgumentException("an order has 0 to " + MAX_LINES + " lines, not " + count);
        }
        return new OrderLines(count);
    }

    /** @throws IllegalStateException if only the number of lines was read */
    public List<LineItem> items() {
        if (items == null) {
            throw new IllegalStateException("only the number of these lines was read");
        }
        return items;
    }

    public boolean isLoaded() {
        return items != null;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int count() {
        return count;
    }

    /** What the lines add up to; nothing for no lines. */
    public Money total(Currency currency) {
        Money sum = Money.zero(currency);
        for (LineItem item : items()) {
            sum = sum.plus(item.amount());
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderLines lines && count == lines.count && Objects.equals(items, lines.items);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, count);
    }

    @Override
    public String toString() {
        return "OrderLines[" + count + (isLoaded() ? "" : ", counted only") + "]";
    }
}
