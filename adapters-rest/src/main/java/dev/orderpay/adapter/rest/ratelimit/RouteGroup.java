package dev.orderpay.adapter.rest.ratelimit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The routes that share a rate limit. A merchant or public group without a limit of its own
 * ({@code orderpay.rate-limit.groups.<name>}) shares the merchant's or the public limit, and its bucket, with the
 * other groups of its audience; with one, it has a bucket of its own, named after it.
 */
public enum RouteGroup {
    /** {@code POST /orders}. */
    ORDERS_WRITE("orders-write", Audience.MERCHANT),
    /** Capture, refund and cancel. */
    PAYMENTS("payments", Audience.MERCHANT),
    /** Reading orders, totals, events and webhook endpoints. */
    READS("reads", Audience.MERCHANT),
    /** Changing webhook endpoints, testing them, redelivering events. */
    WEBHOOKS("webhooks", Audience.MERCHANT),
    /** Managing API keys and reading the audit log. */
    KEYS("keys", Audience.MERCHANT),
    /** The buyer's return from the checkout. */
    BUYER("buyer", Audience.PUBLIC),
    /** The provider's server-to-server callbacks: one bound for all of them, never per address. */
    PROVIDER_CALLBACKS("callbacks", Audience.PROVIDER);

    /** Whose requests a bucket counts. */
    enum Audience {
        /** One bucket per API key (the authentication's name). */
        MERCHANT,
        /** One bucket per client address. */
        PUBLIC,
        /** One bucket for every caller: the provider calls from addresses of its own choosing. */
        PROVIDER
    }

    private final String configName;
    private final Audience audience;

    RouteGroup(String configName, Audience audience) {
        this.configName = configName;
        this.audience = audience;
    }

    /** The group's name under {@code orderpay.rate-limit.groups}, and its policy's name once it has its own limit. */
    String configName() {
        return configName;
    }

    Audience audience() {
        return audience;
    }

    /** Groups that may be given a limit of their own; the callbacks' bound is a setting of its own. */
    boolean overridable() {
        return audience != Audience.PROVIDER;
    }

    static Optional<RouteGroup> named(String configName) {
        return Arrays.stream(values()).filter(group -> group.configName.equals(configName)).findFirst();
    }
}
