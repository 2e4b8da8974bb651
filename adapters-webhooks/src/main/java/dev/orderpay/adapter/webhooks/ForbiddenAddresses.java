package dev.orderpay.adapter.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The addresses a webhook must not reach in production: anything that is not a public unicast address, so a
 * webhook URL can never become a way into this service's own network or a cloud's metadata service. IPv6 forms
 * that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
final class ForbiddenAddresses {

    private ForbiddenAddresses() {
    }

    /** What kind of forbidden address this is, in words (such as "a private address"), or empty if it is public. */
    static Optional<String> kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return kindOfIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return kindOfIpv6(bytes);
        }
        return Optional.of("an address of an unknown family");
    }

    private static Optional<String> kindOfIpv4(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (first == 0) {
            return Optional.of("an unspecified address (0.0.0.0/8)");
        }
        if (first == 127) {
            return Optional.of("a loopback address");
        }
        if (first == 10 || (first == 172 && (second & 0xF0) == 16) || (first == 192 && second == 168)) {
            return Optional.of("a private address");
        }
        if (first == 169 && second == 254) {
            return Optional.of("a link-local address (where cloud metadata services live)");
        }
        if (first == 100 && (second & 0xC0) == 64) {
            return Optional.of("a carrier-grade NAT address");
        }
        if (first >= 224 && first <= 239) {
            return Optional.of("a multicast address");
        }
        if (first >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<String> kindOfIpv6(byte[] bytes) {
        if (allZero(bytes, 0, 16)) {
            return Optional.of("an unspecified address (::)");
        }
        if (allZero(bytes, 0, 15) && bytes[15] == 1) {
            return Optional.of("a loopback address");
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (first == 0xFF) {
            return Optional.of("a multicast address");
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return Optional.of("a link-local address (where cloud metadata services live)");
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return Optional.of("a private address");
        }
        if ((first & 0xFE) == 0xFC) {
            return Optional.of("a unique-local address (where cloud metadata services live)");
        }
        return carriedIpv4(bytes).flatMap(ForbiddenAddresses::kindOfIpv4);
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d or 2002:aabb:ccdd::/48, if any. */
    private static Optional<byte[]> carriedIpv4(byte[] bytes) {
        boolean mapped = allZero(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
        boolean compatible = allZero(bytes, 0, 12);
        boolean nat64 = (bytes[0] & 0xFF) == 0x00 && (bytes[1] & 0xFF) == 0x64 && (bytes[2] & 0xFF) == 0xFF
                && (bytes[3] & 0xFF) == 0x9B && allZero(bytes, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
        }
        boolean sixToFour = (bytes[0] & 0xFF) == 0x20 && (bytes[1] & 0xFF) == 0x02;
        if (sixToFour) {
            return Optional.of(Arrays.copyOfRange(bytes, 2, 6));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
