package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.PlainText;

import java.util.Objects;
import java.util.Optional;

/**
 * A postal address in orderpay's own shape (a provider's shape is its adapter's business). The street, postal code,
 * place and country are required; names and contact details are optional. Personal data: never logged.
 */
public record Address(Optional<PersonName> firstName, Optional<PersonName> lastName, String addressLine,
                      Optional<String> addressLine2, String postalCode, String postalPlace, CountryCode country,
                      Optional<PhoneNumber> phoneNumber, Optional<EmailAddress> email) {

    public static final int MAX_LINE_LENGTH = 200;
    public static final int MAX_POSTAL_CODE_LENGTH = 20;
    public static final int MAX_POSTAL_PLACE_LENGTH = 100;

    public Address {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        addressLine("address_line", addressLine);
        Objects.requireNonNull(addressLine2, "addressLine2").ifPresent(line -> addressLine("address_line_2", line));
        postalCode(postalCode);
        postalPlace(postalPlace);
        if (country == null) {
            throw new InvalidValueException(CountryCode.FIELD, "is required");
        }
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(email, "email");
    }

    /** @throws InvalidValueException naming {@code field} if the line is missing, blank or too long */
    public static String addressLine(String field, String line) {
        return PlainText.require(field, line, MAX_LINE_LENGTH);
    }

    public static String postalCode(String code) {
        return PlainText.require("postal_code", code, MAX_POSTAL_CODE_LENGTH);
    }

    public static String postalPlace(String place) {
        return PlainText.require("postal_place", place, MAX_POSTAL_PLACE_LENGTH);
    }

    @Override
    public String toString() {
        return "Address[redacted]";
    }
}
