package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEndpointIdTest {

    private static final String CANONICAL = "0b7e4f2a-91c3-4d5e-8f6a-1b2c3d4e5f60";

    @Test
    void given_the_canonical_form_then_it_parses_and_prints_back_unchanged() {
        assertThat(WebhookEndpointId.parse(CANONICAL)).hasToString(CANONICAL);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"endpoint-1", "0b7e4f2a91c34d5e8f6a1b2c3d4e5f60", " 0b7e4f2a-91c3-4d5e-8f6a-1b2c3d4e5f60"})
    void given_anything_but_the_canonical_form_then_it_is_refused_as_an_id(String text) {
        assertThatThrownBy(() -> WebhookEndpointId.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("id"));
    }

    @Test
    void new_ids_are_distinct() {
        assertThat(WebhookEndpointId.newId()).isNotEqualTo(WebhookEndpointId.newId());
    }
}
