package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;

import java.util.Locale;
import java.util.Set;

/** An ISO 3166-1 alpha-2 country code in capitals, such as {@code NO}; codes ISO has not assigned are refused. */
public record CountryCode(String value) {

    public static final String FIELD = "country";
    private static final Set<String> ASSIGNED = Set.of(Locale.getISOCountries());

    public CountryCode {
        if (value == null || !ASSIGNED.contains(value)) {
            throw new InvalidValueException(FIELD, "must be an ISO 3166-1 alpha-2 code in capitals, such as NO");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
