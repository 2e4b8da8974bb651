package dev.orderpay.domain;

/** The merchant's own reference for the order, shown back to them as given. */
public record Receipt(String value) {

    public static final int MAX_LENGTH = 255;

    public Receipt {
        PlainText.require("receipt", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
