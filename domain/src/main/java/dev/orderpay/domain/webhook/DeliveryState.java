package dev.orderpay.domain.webhook;

/**
 * Where a delivery of an event to an endpoint stands. Only a pending delivery is ever attempted; the other two are
 * final (a redelivery is a new delivery).
 */
public enum DeliveryState {
    /** Still to be made: never tried yet, or to be tried again at its next attempt. */
    PENDING,
    /** The endpoint answered {@code 2xx}. */
    DELIVERED,
    /** Given up: the endpoint refused it ({@code 3xx}, most {@code 4xx}), or it failed at its last attempt. */
    FAILED
}
