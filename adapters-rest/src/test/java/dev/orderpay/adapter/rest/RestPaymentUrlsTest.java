package dev.orderpay.adapter.rest;

import dev.orderpay.domain.OrderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestPaymentUrlsTest {

    private final OrderId id = OrderId.parse("0b8e7b5c-1a2b-4c3d-8e9f-001122334455");

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.test", "https://shop.example.test/"})
    void given_a_public_url_with_or_without_a_trailing_slash_then_both_urls_have_a_single_slash(String base) {
        RestPaymentUrls urls = new RestPaymentUrls(base);

        assertThat(urls.returnUrl(id)).isEqualTo(URI.create("https://shop.example.test/orders/" + id + "/redirect"));
        assertThat(urls.notificationUrl(id))
                .isEqualTo(URI.create("https://shop.example.test/orders/" + id + "/callback"));
    }

    @Test
    void given_a_public_url_under_a_path_then_both_urls_keep_the_path() {
        RestPaymentUrls urls = new RestPaymentUrls("https://example.test/shop/");

        assertThat(urls.returnUrl(id)).isEqualTo(URI.create("https://example.test/shop/orders/" + id + "/redirect"));
        assertThat(urls.notificationUrl(id))
                .isEqualTo(URI.create("https://example.test/shop/orders/" + id + "/callback"));
    }

    @Test
    void given_a_relative_public_url_then_it_is_refused_at_startup() {
        assertThatThrownBy(() -> new RestPaymentUrls("shop.example.test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderpay.public-url");
    }
}
