package dev.orderpay.domain.contents;

import dev.orderpay.domain.PlainText;

/** A first or last name as the merchant gave it. Personal data: never logged. */
public record PersonName(String value) {

    public static final int MAX_LENGTH = 100;

    /** @param field the name's field ({@code first_name} or {@code last_name}), named when it is refused */
    public static PersonName of(String field, String value) {
        return new PersonName(PlainText.require(field, value, MAX_LENGTH));
    }

    public PersonName {
        PlainText.require("name", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return "PersonName[redacted]";
    }
}
