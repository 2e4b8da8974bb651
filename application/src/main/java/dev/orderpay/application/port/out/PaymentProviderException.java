package dev.orderpay.application.port.out;

import java.util.Objects;

/** The provider refused a request or could not be asked. Messages never carry credentials or tokens. */
public class PaymentProviderException extends RuntimeException {

    public enum Kind {
        /** The provider could not be reached or answered with a server error. */
        UNAVAILABLE,
        /** The provider did not answer within the configured time. */
        TIMEOUT,
        /** The provider knows no such payment or checkout. */
        NOT_FOUND,
        /** The provider refused the request (bad request, credentials, or a state it does not allow). */
        REJECTED
    }

    private final Kind kind;

    public PaymentProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public PaymentProviderException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
