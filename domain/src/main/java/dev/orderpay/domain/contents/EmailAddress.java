package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.PlainText;

import java.util.regex.Pattern;

/**
 * An e-mail address as far as a shape can tell: one {@code @}, something before it, a domain with a dot after it, no
 * spaces. Whether anyone reads it is not this service's business. Personal data: never logged.
 */
public record EmailAddress(String value) {

    public static final String FIELD = "email";
    /** RFC 5321's limit on a whole address. */
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        PlainText.require(FIELD, value, MAX_LENGTH);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException(FIELD, "must be an e-mail address such as name@example.com");
        }
    }

    @Override
    public String toString() {
        // Kept out of anything that prints a record by accident (a log line, an exception message).
        return "EmailAddress[redacted]";
    }
}
