package dev.orderpay.application.port.in.event;

/**
 * How an event's webhooks stand, for finding what a merchant missed. An event is judged by the latest delivery to
 * each endpoint it went to, so one that failed and was then redelivered with success counts as delivered.
 */
public enum DeliveryStanding {
    /** The latest delivery to some endpoint failed for good. */
    FAILED,
    /** The latest delivery to some endpoint is still to be made (or tried again). */
    PENDING,
    /** The latest delivery to every endpoint it went to was delivered; an event that went nowhere is not. */
    DELIVERED
}
