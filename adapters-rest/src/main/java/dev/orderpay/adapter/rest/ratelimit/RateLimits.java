package dev.orderpay.adapter.rest.ratelimit;

import dev.orderpay.adapter.rest.ratelimit.RouteGroup.Audience;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rate limit of this instance, checked at startup: the merchant's (per API key), the public one (per client
 * address), the provider callbacks' bound (one for all callers), and the groups given limits of their own. Each
 * is the configured limit divided among {@code orderpay.rate-limit.instances}, since buckets live in each instance.
 */
final class RateLimits {

    private final Map<RouteGroup, Policy> byGroup;
    private final Policy publicPolicy;
    private final ClientAddresses clientAddresses;

    private RateLimits(Map<RouteGroup, Policy> byGroup, Policy publicPolicy, ClientAddresses clientAddresses) {
        this.byGroup = byGroup;
        this.publicPolicy = publicPolicy;
        this.clientAddresses = clientAddresses;
    }

    static RateLimits from(Settings settings) {
        if (settings.instances() < 1) {
            throw new ConfigurationException(Settings.INSTANCES + " (" + Settings.environmentName(Settings.INSTANCES)
                    + ") is " + settings.instances() + ": give the number of instances, 1 or more");
        }
        if (settings.maxClients() < 1) {
            throw new ConfigurationException(Settings.MAX_CLIENTS + " ("
                    + Settings.environmentName(Settings.MAX_CLIENTS) + ") is " + settings.maxClients()
                    + ": give how many clients' buckets to keep, 1 or more");
        }
        PolicyMaker make = new PolicyMaker(settings);
        Policy merchant = make.policy("merchant", Settings.MERCHANT, settings.merchant(), Audience.MERCHANT);
        Policy publicPolicy = make.policy("public", Settings.PUBLIC, settings.publicLimit(), Audience.PUBLIC);
        Policy callbacks = make.policy("callbacks", Settings.CALLBACKS, settings.callbacks(), Audience.PROVIDER);
        Map<RouteGroup, Policy> byGroup = new EnumMap<>(RouteGroup.class);
        for (RouteGroup group : RouteGroup.values()) {
            String own = group.overridable() ? settings.groups().get(group.configName()) : null;
            Policy shared = switch (group.audience()) {
                case MERCHANT -> merchant;
                case PUBLIC -> publicPolicy;
                case PROVIDER -> callbacks;
            };
            byGroup.put(group, own == null ? shared : make.policy(group.configName(),
                    Settings.GROUPS + "." + group.configName(), own, group.audience()));
        }
        refuseUnknownGroups(settings.groups().keySet());
        return new RateLimits(Collections.unmodifiableMap(byGroup), publicPolicy,
                ClientAddresses.trusting(settings.trustedProxies()));
    }

    /** The policy of a route's group; a route without one, or no route at all, is public. */
    Policy policyFor(Optional<RouteGroup> group) {
        return group.map(byGroup::get).orElse(publicPolicy);
    }

    ClientAddresses clientAddresses() {
        return clientAddresses;
    }

    /** Every distinct policy, for meters and documentation. */
    List<Policy> policies() {
        List<Policy> distinct = new ArrayList<>();
        byGroup.values().stream().filter(policy -> !distinct.contains(policy)).forEach(distinct::add);
        if (!distinct.contains(publicPolicy)) {
            distinct.add(publicPolicy);
        }
        return List.copyOf(distinct);
    }

    private static void refuseUnknownGroups(Iterable<String> configured) {
        for (String name : configured) {
            if (RouteGroup.named(name).filter(RouteGroup::overridable).isEmpty()) {
                throw new ConfigurationException(Settings.GROUPS + "." + name + " names no route group: the groups"
                        + " are " + overridableNames() + " (the callbacks' bound is " + Settings.CALLBACKS + ")");
            }
        }
    }

    private static List<String> overridableNames() {
        return Arrays.stream(RouteGroup.values()).filter(RouteGroup::overridable)
                .map(RouteGroup::configName).toList();
    }

    /** Parses each limit and divides it among the instances. */
    private record PolicyMaker(Settings settings) {
        Policy policy(String name, String setting, String value, Audience audience) {
            RateLimit share = RateLimit.parse(setting, value).shareOf(settings.instances(), setting);
            return new Policy(name, share, audience, settings.maxClients());
        }
    }
}
