package dev.orderpay.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A command that cannot be carried out as given; {@link #fieldErrors()} says which field is wrong and why. */
public class InvalidCommandException extends IllegalArgumentException {

    private final Map<String, String> fieldErrors;

    public InvalidCommandException(Map<String, String> fieldErrors) {
        super("invalid " + String.join(", ", fieldErrors.keySet()));
        if (fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("an invalid command names at least one field");
        }
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static InvalidCommandException of(String field, String reason) {
        return new InvalidCommandException(Map.of(field, reason));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
