package dev.orderpay.application.port.out;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicBaseUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.test", "https://shop.example.test/"})
    void given_a_base_with_or_without_a_trailing_slash_when_a_route_is_resolved_then_one_slash_joins_them(
            String configured) {
        PublicBaseUrl base = PublicBaseUrl.of(configured);

        assertThat(base.uri()).isEqualTo(URI.create("https://shop.example.test"));
        assertThat(base.resolve("/orders/1/redirect")).isEqualTo(URI.create("https://shop.example.test/orders/1/redirect"));
    }

    @Test
    void given_a_base_under_a_path_when_a_route_is_resolved_then_the_path_is_kept() {
        PublicBaseUrl base = PublicBaseUrl.of("https://example.test/shop/");

        assertThat(base.resolve("/simulator/checkout/s-1"))
                .isEqualTo(URI.create("https://example.test/shop/simulator/checkout/s-1"));
    }

    @Test
    void given_a_relative_address_then_it_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> PublicBaseUrl.of("shop.example.test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orderpay.public-url");
    }

    @Test
    void given_a_route_without_its_leading_slash_then_it_is_refused() {
        assertThatThrownBy(() -> PublicBaseUrl.of("https://shop.example.test").resolve("orders"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
