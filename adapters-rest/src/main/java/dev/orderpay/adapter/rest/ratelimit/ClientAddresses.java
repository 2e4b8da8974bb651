package dev.orderpay.adapter.rest.ratelimit;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who a public request comes from, for its bucket. The connection's peer, unless that peer is a trusted proxy
 * ({@code orderpay.rate-limit.trusted-proxies}): then the right-most {@code X-Forwarded-For} entry that is not a
 * trusted proxy itself. Entries further left were written by whoever sent the request, so they are never believed.
 * An IPv6 client counts by its /64 network, which one host or household usually holds whole.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final int IPV6_NETWORK_BYTES = 8;

    private final List<IpSubnetFilterRule> trustedProxies;

    private ClientAddresses(List<IpSubnetFilterRule> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** Reads the trusted proxies, each an address or a CIDR range; anything else stops startup. */
    static ClientAddresses trusting(List<String> proxies) {
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String proxy : proxies) {
            if (!proxy.isBlank()) {
                rules.add(range(proxy.trim()));
            }
        }
        return new ClientAddresses(List.copyOf(rules));
    }

    String of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (!isTrusted(peer)) {
            return key(peer);
        }
        List<String> hops = forwardedFor(request);
        InetAddress nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = NetUtil.createInetAddressFromIpAddressString(hops.get(i));
            if (hop == null) {
                // Not an address (a proxy wrote "unknown", or a port): nothing left of it can be checked.
                return hops.get(i);
            }
            if (!isTrusted(hop)) {
                return key(hop);
            }
            nearest = hop;
        }
        // Every hop is a trusted proxy: the request started inside, at the left-most of them (or at the peer).
        return key(nearest);
    }

    private boolean isTrusted(@Nullable InetAddress address) {
        if (address == null || trustedProxies.isEmpty()) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static List<String> forwardedFor(HttpRequest<?> request) {
        List<String> hops = new ArrayList<>();
        // Several header lines are one list, in order (RFC 9110, 5.3).
        for (String line : request.getHeaders().getAll(FORWARDED_FOR)) {
            Arrays.stream(line.split(",")).map(String::trim).filter(hop -> !hop.isEmpty()).forEach(hops::add);
        }
        return hops;
    }

    private static String key(@Nullable InetAddress address) {
        if (address == null) {
            return "unknown";
        }
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] network = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(network, IPV6_NETWORK_BYTES, network.length, (byte) 0);
        try {
            return NetUtil.toAddressString(InetAddress.getByAddress(network)) + "/64";
        } catch (UnknownHostException impossibleForSixteenBytes) {
            throw new IllegalStateException(impossibleForSixteenBytes);
        }
    }

    private static IpSubnetFilterRule range(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            throw invalidProxy(proxy);
        }
        int longest = parsed instanceof Inet6Address ? 128 : 32;
        int prefix = longest;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(proxy.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                throw invalidProxy(proxy);
            }
        }
        if (prefix < 0 || prefix > longest) {
            throw invalidProxy(proxy);
        }
        return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
    }

    private static ConfigurationException invalidProxy(String proxy) {
        return new ConfigurationException(Settings.TRUSTED_PROXIES + " ("
                + Settings.environmentName(Settings.TRUSTED_PROXIES) + ") holds \"" + proxy + "\": give IP addresses"
                + " or CIDR ranges such as 10.0.0.0/8 or fd00::/8, separated by commas");
    }
}
