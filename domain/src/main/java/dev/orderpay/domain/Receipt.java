package dev.orderpay.domain;

/** The merchant's own reference for the order, shown back to them as given. */
public record Receipt(String value) {

    public static final int MAX_LENGTH = 255;

    public Receipt {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("receipt", "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("receipt", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("receipt", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
