package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;

import java.util.regex.Pattern;

/** A phone number in E.164 form: {@code +}, a country code and the number, 15 digits at most. Personal data. */
public record PhoneNumber(String value) {

    public static final String FIELD = "phone_number";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "must be an E.164 number such as +4799999999");
        }
    }

    @Override
    public String toString() {
        return "PhoneNumber[redacted]";
    }
}
