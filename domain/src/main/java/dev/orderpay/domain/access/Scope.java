package dev.orderpay.domain.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What an API key may do; each scope opens a set of routes. Keys are granted scopes by their wire names. */
public enum Scope {
    ORDERS_READ("orders:read"),
    ORDERS_WRITE("orders:write"),
    PAYMENTS_WRITE("payments:write"),
    WEBHOOKS_MANAGE("webhooks:manage"),
    KEYS_MANAGE("keys:manage"),
    METRICS_READ("metrics:read");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
    }

    /** Every scope there is: what the keys from the environment hold. */
    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
