package dev.orderpay.application.port.out;

/** A notification that cannot be shown to come from the provider: a missing, stale or wrong signature. */
public class UnauthenticNotificationException extends RuntimeException {

    public UnauthenticNotificationException(String reason) {
        super(reason);
    }
}
