package dev.orderpay.adapter.webhooks;

import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one address check, made when a URL is registered and again when a webhook connects: the host's addresses
 * (every one of them), or why a webhook may not go there. IP literals are read here, never handed to the
 * {@link HostResolver}.
 */
@Singleton
class DestinationAddresses {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final HostResolver resolver;
    private final DestinationPolicy policy;

    DestinationAddresses(HostResolver resolver, DestinationPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    /** The addresses a webhook to {@code host} may connect to, or why it may not connect at all. */
    Resolution resolve(String host) {
        List<InetAddress> addresses;
        try {
            addresses = addressesOf(withoutBrackets(host));
        } catch (UnknownHostException | RuntimeException unresolvable) {
            return new Refused("the host name does not resolve");
        }
        if (addresses.isEmpty()) {
            return new Refused("the host name does not resolve");
        }
        if (!policy.privateNetworksAllowed()) {
            for (InetAddress address : addresses) {
                Optional<String> kind = ForbiddenAddresses.kindOf(address);
                if (kind.isPresent()) {
                    return new Refused("the host resolves to " + kind.get() + ", which webhooks may not reach");
                }
            }
        }
        return new Allowed(addresses);
    }

    private List<InetAddress> addressesOf(String host) throws UnknownHostException {
        if (IPV4_LITERAL.matcher(host).matches() || host.contains(":")) {
            // a literal: the JVM reads it without asking any resolver
            return List.of(InetAddress.getByName(host));
        }
        return resolver.resolve(host);
    }

    private static String withoutBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    sealed interface Resolution permits Allowed, Refused {
    }

    /** Every address the host resolved to, each one a webhook may reach. */
    record Allowed(List<InetAddress> addresses) implements Resolution {
    }

    /** Why not, in words that name neither the URL nor the addresses. */
    record Refused(String reason) implements Resolution {
    }
}
