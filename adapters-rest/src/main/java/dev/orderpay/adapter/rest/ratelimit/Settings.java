package dev.orderpay.adapter.rest.ratelimit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rate-limit settings as configured, before they are checked: {@link RateLimits#from(Settings)} turns them into
 * policies or refuses them.
 *
 * @param merchant       {@code <requests>/<period>} per API key on the merchant routes
 * @param publicLimit    {@code <requests>/<period>} per client address on the public routes
 * @param callbacks      {@code <requests>/<period>} for the provider's callbacks, all callers together
 * @param groups         limits of their own for route groups, by the group's name
 * @param instances      how many instances share each limit
 * @param maxClients     how many clients' buckets each policy keeps at most
 * @param trustedProxies addresses and CIDR ranges whose {@code X-Forwarded-For} is believed
 */
record Settings(String merchant, String publicLimit, String callbacks, Map<String, String> groups, int instances,
                int maxClients, List<String> trustedProxies) {

    static final String PREFIX = "orderpay.rate-limit";
    static final String ENABLED = PREFIX + ".enabled";
    static final String MERCHANT = PREFIX + ".merchant";
    static final String PUBLIC = PREFIX + ".public";
    static final String CALLBACKS = PREFIX + ".callbacks";
    static final String GROUPS = PREFIX + ".groups";
    static final String INSTANCES = PREFIX + ".instances";
    static final String MAX_CLIENTS = PREFIX + ".max-clients";
    static final String TRUSTED_PROXIES = PREFIX + ".trusted-proxies";

    Settings {
        groups = Map.copyOf(groups);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** The environment variable that sets a setting, for messages: ORDERPAY_RATE_LIMIT_MERCHANT and so on. */
    static String environmentName(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
