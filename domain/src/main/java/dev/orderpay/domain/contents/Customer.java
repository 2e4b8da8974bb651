package dev.orderpay.domain.contents;

import java.util.Objects;
import java.util.Optional;

/** Who buys, as far as the merchant tells: every part is optional. Personal data: never logged. */
public record Customer(Optional<EmailAddress> email, Optional<PhoneNumber> phoneNumber,
                       Optional<PersonName> firstName, Optional<PersonName> lastName) {

    public static final Customer NONE = new Customer(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public Customer {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    @Override
    public String toString() {
        return "Customer[redacted]";
    }
}
