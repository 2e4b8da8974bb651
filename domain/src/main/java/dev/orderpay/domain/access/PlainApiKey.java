package dev.orderpay.domain.access;

import java.util.Objects;

/**
 * A new key as the client will send it. It exists only until the answer that shows it once; only its
 * {@link #digest()} and {@link #prefix()} are kept. Its text form leaves it out, so printing it by mistake shows
 * nothing.
 */
public record PlainApiKey(String value) {

    /** Enough to recognise a key in a list ({@code op_} and five characters), far too little to guess it. */
    static final int PREFIX_LENGTH = 8;

    public PlainApiKey {
        Objects.requireNonNull(value, "value");
        if (value.length() <= PREFIX_LENGTH) {
            throw new IllegalArgumentException("an API key is longer than its prefix");
        }
    }

    public ApiKeyDigest digest() {
        return ApiKeyDigest.of(value);
    }

    public String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    @Override
    public String toString() {
        return "PlainApiKey[" + prefix() + "…]";
    }
}
