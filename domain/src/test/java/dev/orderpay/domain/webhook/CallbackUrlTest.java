package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order's callback_url has the shape of every webhook address; where it may point is the sender's rule. */
class CallbackUrlTest {

    @Test
    void given_an_absolute_url_with_a_host_when_parsed_then_it_is_kept_as_given() {
        CallbackUrl url = CallbackUrl.parse("https://shop.example/callbacks?order=1");

        assertThat(url.value()).isEqualTo(URI.create("https://shop.example/callbacks?order=1"));
        assertThat(url).hasToString("https://shop.example/callbacks?order=1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' '                              | is required",
            "/callbacks                       | must be an absolute URL with a host",
            "https://user:pw@shop.example/cb  | must not carry a user name or password",
            "https://shop.example/a b         | must be a URL",
    })
    void given_no_usable_url_when_parsed_then_it_is_refused_naming_callback_url(String text, String reason) {
        assertThatThrownBy(() -> CallbackUrl.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, invalid -> {
                    assertThat(invalid.subject()).isEqualTo("callback_url");
                    assertThat(invalid.reason()).isEqualTo(reason);
                });
    }

    @Test
    void given_a_url_longer_than_any_webhook_address_when_parsed_then_it_is_refused() {
        String tooLong = "https://shop.example/" + "a".repeat(WebhookUrl.MAX_LENGTH);

        assertThatThrownBy(() -> CallbackUrl.parse(tooLong)).isInstanceOf(InvalidValueException.class)
                .hasMessage("callback_url must be at most 2048 characters");
    }
}
