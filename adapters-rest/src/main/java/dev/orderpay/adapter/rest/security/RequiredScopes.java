package dev.orderpay.adapter.rest.security;

import dev.orderpay.domain.access.Scope;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes routes require, as the {@code @Secured} values Micronaut Security checks against an API key's roles:
 * constants, so annotations can name them. Each is the wire name of a {@code dev.orderpay.domain.access.Scope} (a
 * test holds them together).
 */
public final class RequiredScopes {

    /** Reading orders, totals, events and webhook endpoints. */
    public static final String ORDERS_READ = "orders:read";
    /** Creating orders. */
    public static final String ORDERS_WRITE = "orders:write";
    /** Capture, refund and cancel. */
    public static final String PAYMENTS_WRITE = "payments:write";
    /** Creating, changing, deleting and testing webhook endpoints, rotating their secrets, redelivering events. */
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    /** Creating, listing and revoking API keys. */
    public static final String KEYS_MANAGE = "keys:manage";
    /** Reading {@code /prometheus}. */
    public static final String METRICS_READ = "metrics:read";

    /**
     * The request attribute a security rule sets to the scope it found missing, for routes whose {@code @Secured}
     * does not name it (the management endpoints).
     */
    public static final String MISSING_SCOPE_ATTRIBUTE = "orderpay.missing-scope";

    private RequiredScopes() {
    }

    /** The scopes a request's API key holds: its authentication's roles. */
    public static Set<Scope> heldBy(Authentication authentication) {
        return authentication.getRoles().stream().map(Scope::fromWireName).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }
}
