package dev.orderpay.domain;

/** A value that breaks a domain rule; {@link #subject()} names which value (amount, currency, receipt). */
public class InvalidValueException extends IllegalArgumentException {

    private final String subject;
    private final String reason;

    public InvalidValueException(String subject, String reason) {
        super(subject + " " + reason);
        this.subject = subject;
        this.reason = reason;
    }

    public String subject() {
        return subject;
    }

    public String reason() {
        return reason;
    }
}
