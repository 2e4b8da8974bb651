package dev.orderpay.domain;

/** What brought a status change about. */
public enum ChangeSource {
    /** Opening the provider's checkout while the order was created. */
    CHECKOUT,
    /** The buyer's browser returning from the checkout. */
    REDIRECT,
    /** The provider's server-to-server notification. */
    CALLBACK,
    /** The service asking the provider about an order that stayed unsettled. */
    RECONCILIATION,
    /** A merchant's request through the API. */
    API
}
