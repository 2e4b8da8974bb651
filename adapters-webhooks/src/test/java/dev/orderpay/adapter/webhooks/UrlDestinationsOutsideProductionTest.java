package dev.orderpay.adapter.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside production webhooks may use http and reach this machine and private networks; the other rules hold. */
class UrlDestinationsOutsideProductionTest {

    @RegisterExtension
    static final WebhooksAdapter adapter = WebhooksAdapter.outsideProduction();

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "https://[::1]:8443/", "http://10.0.0.7/",
            "http://receiver.local.test/hooks"})
    void http_and_private_addresses_are_allowed(String url) {
        adapter.names().point("receiver.local.test", "192.168.1.20");

        assertThat(adapter.destinations().refusal(URI.create(url))).isEmpty();
    }

    @Test
    void the_shape_rules_and_resolution_still_hold() {
        assertThat(adapter.destinations().refusal(URI.create("ftp://127.0.0.1/"))).contains("must use https (or http)");
        assertThat(adapter.destinations().refusal(URI.create("http://u:p@127.0.0.1/")))
                .contains("must not carry a user name or password before the host");
        assertThat(adapter.destinations().refusal(URI.create("http://127.0.0.1/#x")))
                .contains("must not carry a fragment (#...)");
        assertThat(adapter.destinations().refusal(URI.create("http://nowhere.local.test/")))
                .contains("the host name does not resolve");
    }
}
