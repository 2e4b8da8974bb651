package dev.orderpay.adapter.rest.ratelimit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rate-limit settings ({@code orderpay.rate-limit.*}) at startup, so that a bad one stops the service
 * before it takes a request. {@code orderpay.rate-limit.enabled=false} turns rate limiting off altogether.
 */
@Factory
class RateLimitsFactory {

    @Context
    @Requires(property = Settings.ENABLED, notEquals = "false")
    RateLimits rateLimits(Environment environment,
                          @Value("${" + Settings.MERCHANT + "}") String merchant,
                          @Value("${" + Settings.PUBLIC + "}") String publicLimit,
                          @Value("${" + Settings.CALLBACKS + "}") String callbacks,
                          @Value("${" + Settings.INSTANCES + "}") int instances,
                          @Value("${" + Settings.MAX_CLIENTS + "}") int maxClients,
                          @Value("${" + Settings.TRUSTED_PROXIES + ":}") List<String> trustedProxies) {
        return RateLimits.from(new Settings(merchant, publicLimit, callbacks, groups(environment), instances,
                maxClients, trustedProxies));
    }

    /**
     * The limits given to route groups. An environment variable such as ORDERPAY_RATE_LIMIT_GROUPS_ORDERS_WRITE
     * reaches the configuration under several spellings (orders-write, orders.write, ...): each is read as the one
     * group name with hyphens.
     */
    private static Map<String, String> groups(Environment environment) {
        Map<String, String> groups = new HashMap<>();
        environment.getProperties(Settings.GROUPS).forEach((name, value) -> {
            // A nested spelling (orders, then write) comes as a map beside the flat one; the flat one is enough.
            if (!(value instanceof Map<?, ?>) && value != null) {
                groups.put(name.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-'), value.toString());
            }
        });
        return groups;
    }
}
