package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.PlainText;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The merchant's own keys and values on an order, kept sorted by key. Keys are short names of letters, digits,
 * {@code _}, {@code -} and {@code .}, so that they can stand in a query ({@code metadata[key]=value}) as they are.
 */
public record Metadata(SortedMap<String, String> values) {

    public static final int MAX_KEYS = 50;
    public static final int MAX_KEY_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 500;
    public static final Metadata NONE = new Metadata(new TreeMap<>());
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_KEY_LENGTH + "}");

    public Metadata {
        Objects.requireNonNull(values, "values");
        if (values.size() > MAX_KEYS) {
            throw new InvalidValueException("metadata", "must have at most " + MAX_KEYS + " keys");
        }
        values.forEach((key, value) -> {
            key(key);
            value(key, value);
        });
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static Metadata of(Map<String, String> values) {
        return new Metadata(new TreeMap<>(values));
    }

    /** @throws InvalidValueException naming {@code metadata.<key>} if the key is not a short plain name */
    public static String key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidValueException("metadata." + key, "keys must be 1 to " + MAX_KEY_LENGTH
                    + " letters, digits, '_', '-' or '.'");
        }
        return key;
    }

    public static String value(String key, String value) {
        return PlainText.require("metadata." + key, value, MAX_VALUE_LENGTH);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
