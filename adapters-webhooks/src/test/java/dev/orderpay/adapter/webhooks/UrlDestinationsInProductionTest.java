package dev.orderpay.adapter.webhooks;

import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The URL rules in production: https to public addresses only, every address of the name checked. */
class UrlDestinationsInProductionTest {

    @RegisterExtension
    static final WebhooksAdapter adapter = WebhooksAdapter.inProduction();

    private WebhookDestinations destinations() {
        return adapter.destinations();
    }

    @Test
    void an_https_url_whose_name_resolves_to_public_addresses_only_is_allowed() {
        adapter.names().point("hooks.merchant.test", "93.184.216.34", "2606:4700:4700::1111");

        assertThat(destinations().refusal(URI.create("https://hooks.merchant.test/orderpay?token=abc"))).isEmpty();
        assertThat(destinations().refusal(URI.create("https://hooks.merchant.test:8443/"))).isEmpty();
        assertThat(destinations().refusal(URI.create("https://93.184.216.34/hooks"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://hooks.merchant.test/             | must use https
            ftp://hooks.merchant.test/              | must use https
            /relative/path                          | must be an absolute URL such as https://example.com/webhooks
            mailto:ops@merchant.test                | must be an absolute URL such as https://example.com/webhooks
            https:///no-host                        | must name a valid host
            https://under_score.test/               | must name a valid host
            https://user:s3cret@hooks.merchant.test/ | must not carry a user name or password before the host
            https://hooks.merchant.test/#part       | must not carry a fragment (#...)
            https://hooks.merchant.test:0/          | must use a port from 1 to 65535
            https://hooks.merchant.test:70000/      | must use a port from 1 to 65535
            https://unknown.merchant.test/          | the host name does not resolve
            """)
    void a_url_breaking_a_rule_is_refused_naming_the_rule(String url, String refusal) {
        adapter.names().point("hooks.merchant.test", "93.184.216.34");

        assertThat(destinations().refusal(URI.create(url))).contains(refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.7", "172.20.1.1", "192.168.0.10", "169.254.169.254", "100.64.1.1",
            "0.0.0.0", "224.0.0.5", "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::7",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1"})
    void a_name_with_any_forbidden_address_is_refused_even_beside_public_ones(String forbidden) {
        adapter.names().point("mixed.merchant.test", "93.184.216.34", forbidden, "2606:4700:4700::1111");

        assertThat(destinations().refusal(URI.create("https://mixed.merchant.test/hooks")))
                .hasValueSatisfying(refusal -> assertThat(refusal)
                        .startsWith("the host resolves to ")
                        .endsWith(", which webhooks may not reach"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://[::1]/", "https://169.254.169.254/latest/meta-data/",
            "https://[fd00:ec2::254]/", "https://[::ffff:10.0.0.1]/", "https://localhost/"})
    void an_address_written_as_a_literal_is_judged_the_same(String url) {
        adapter.names().point("localhost", "127.0.0.1");

        assertThat(destinations().refusal(URI.create(url))).hasValueSatisfying(refusal ->
                assertThat(refusal).startsWith("the host resolves to "));
    }

    @Test
    void a_refusal_never_repeats_the_url_or_the_address() {
        adapter.names().point("internal.merchant.test", "10.11.12.13");

        String refusal = destinations()
                .refusal(URI.create("https://internal.merchant.test/hooks?token=tok_live_123")).orElseThrow();

        assertThat(refusal).isEqualTo("the host resolves to a private address, which webhooks may not reach")
                .doesNotContain("internal.merchant.test", "tok_live_123", "10.11.12.13");
    }
}
