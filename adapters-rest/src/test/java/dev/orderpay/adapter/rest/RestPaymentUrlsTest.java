package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.domain.OrderId;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** How the base itself is read (slashes, a path, a relative address) is {@code PublicBaseUrlTest}'s concern. */
class RestPaymentUrlsTest {

    private final OrderId id = OrderId.parse("0b8e7b5c-1a2b-4c3d-8e9f-001122334455");

    @Test
    void given_a_public_url_under_a_path_then_the_return_and_the_notification_are_this_services_routes_under_it() {
        RestPaymentUrls urls = new RestPaymentUrls(PublicBaseUrl.of("https://example.test/shop/"));

        assertThat(urls.returnUrl(id)).isEqualTo(URI.create("https://example.test/shop/orders/" + id + "/redirect"));
        assertThat(urls.notificationUrl(id))
                .isEqualTo(URI.create("https://example.test/shop/orders/" + id + "/callback"));
    }
}
