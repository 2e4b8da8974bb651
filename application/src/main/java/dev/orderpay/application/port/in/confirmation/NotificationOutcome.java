package dev.orderpay.application.port.in.confirmation;

/** How a notification was dealt with, which tells the provider whether to deliver it again. */
public enum NotificationOutcome {
    /** Applied, or found already applied. */
    HANDLED,
    /** This very delivery was handled before. */
    DUPLICATE,
    /** Cannot be handled now (the order or the provider is not there yet); worth delivering again. */
    RETRY_LATER,
    /** Can never be handled: the payment it points at is not this order's. */
    REJECTED,
    /** Not shown to come from the provider (no or a wrong signature); refused unread. */
    UNAUTHENTIC
}
