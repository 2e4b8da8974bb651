package dev.orderpay.domain;

/**
 * The provider's id of a payment (Dintero's transaction id). Its own type so that it cannot be passed where a
 * checkout's {@link SessionId} or an operation's reference is meant.
 */
public record PaymentId(String value) {

    /** Far above any provider's ids; it keeps a forged return or notification from carrying a novel along. */
    public static final int MAX_LENGTH = 255;

    public PaymentId {
        PlainText.require("payment id", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
