package dev.orderpay.adapter.webhooks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1           | a loopback address
            127.255.255.254     | a loopback address
            ::1                 | a loopback address
            10.0.0.1            | a private address
            172.16.0.1          | a private address
            172.31.255.255      | a private address
            192.168.1.1         | a private address
            169.254.169.254     | a link-local address (where cloud metadata services live)
            fe80::1             | a link-local address (where cloud metadata services live)
            febf::1             | a link-local address (where cloud metadata services live)
            100.64.0.1          | a carrier-grade NAT address
            100.127.255.255     | a carrier-grade NAT address
            0.0.0.0             | an unspecified address (0.0.0.0/8)
            0.1.2.3             | an unspecified address (0.0.0.0/8)
            ::                  | an unspecified address (::)
            224.0.0.1           | a multicast address
            239.255.255.250     | a multicast address
            ff02::1             | a multicast address
            255.255.255.255     | a reserved or broadcast address
            fc00::1             | a unique-local address (where cloud metadata services live)
            fd00:ec2::254       | a unique-local address (where cloud metadata services live)
            fec0::1             | a private address
            ::ffff:127.0.0.1    | a loopback address
            ::ffff:169.254.169.254 | a link-local address (where cloud metadata services live)
            ::10.0.0.1          | a private address
            64:ff9b::a9fe:a9fe  | a link-local address (where cloud metadata services live)
            2002:c0a8:0101::1   | a private address
            """)
    void a_forbidden_address_is_named_by_its_kind(String literal, String kind) throws UnknownHostException {
        assertThat(ForbiddenAddresses.kindOf(InetAddress.getByName(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.1.1", "192.169.0.1", "11.0.0.1", "223.255.255.255",
            "2606:4700:4700::1111", "2001:db8::1", "::ffff:93.184.216.34", "fbff::1"})
    void a_public_address_is_allowed(String literal) throws UnknownHostException {
        assertThat(ForbiddenAddresses.kindOf(InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "169.254.169.254", "0.0.0.0"})
    void an_ipv4_address_is_recognised_in_its_ipv4_mapped_ipv6_form(String literal) throws UnknownHostException {
        // The JVM turns ::ffff:a.b.c.d into an IPv4 address when it parses text; built from bytes it stays IPv6.
        byte[] ipv4 = InetAddress.getByName(literal).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        InetAddress ipv6 = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(ipv6).isInstanceOf(Inet6Address.class);
        assertThat(ForbiddenAddresses.kindOf(ipv6)).isEqualTo(ForbiddenAddresses.kindOf(InetAddress.getByName(literal)));
    }
}
