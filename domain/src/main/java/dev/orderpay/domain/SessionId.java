package dev.orderpay.domain;

/**
 * The provider's id of a hosted checkout (Dintero's session id). Its own type so that it cannot be passed where a
 * {@link PaymentId} is meant.
 */
public record SessionId(String value) {

    /** Far above any provider's ids; it keeps a forged return or notification from carrying a novel along. */
    public static final int MAX_LENGTH = 255;

    public SessionId {
        PlainText.require("session id", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
