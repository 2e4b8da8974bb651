package dev.orderpay.adapter.rest.security;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private static final String KEY = "merchant-key-1";
    private static final String KEY_DIGEST = HexFormat.of().formatHex(ApiKeys.sha256(KEY));

    @Test
    void given_a_key_configured_as_itself_when_presented_then_it_names_a_client_that_does_not_show_the_key() {
        ApiKeys keys = new ApiKeys(KEY);

        assertThat(keys.clientOf(KEY)).hasValueSatisfying(client -> assertThat(client)
                .matches("key-[0-9a-f]{12}").doesNotContain(KEY));
    }

    @Test
    void given_the_same_key_configured_as_its_digest_then_the_client_id_is_the_same() {
        assertThat(new ApiKeys("sha256:" + KEY_DIGEST).clientOf(KEY)).isEqualTo(new ApiKeys(KEY).clientOf(KEY));
        assertThat(new ApiKeys("SHA256:" + KEY_DIGEST.toUpperCase()).clientOf(KEY))
                .isEqualTo(new ApiKeys(KEY).clientOf(KEY));
    }

    @Test
    void given_two_keys_then_each_names_its_own_client_and_other_keys_none() {
        ApiKeys keys = new ApiKeys(" " + KEY + " ,, other-key ");

        assertThat(keys.clientOf(KEY)).isPresent();
        assertThat(keys.clientOf("other-key")).isPresent().isNotEqualTo(keys.clientOf(KEY));
        assertThat(keys.clientOf("merchant-key-2")).isEmpty();
        assertThat(keys.clientOf(KEY + " ")).isEmpty();
        assertThat(keys.clientOf("")).isEmpty();
    }

    @Test
    void given_no_keys_then_no_key_is_accepted() {
        assertThat(new ApiKeys("").clientOf("")).isEmpty();
        assertThat(new ApiKeys(" , ").clientOf(" ")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"sha256:abc", "sha256:0123",
            "sha256:zz00000000000000000000000000000000000000000000000000000000000000"})
    void given_a_digest_entry_that_is_not_64_hex_digits_then_startup_fails_without_showing_the_entry(String entry) {
        assertThatThrownBy(() -> new ApiKeys(KEY + "," + entry))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Entry 2 of orderpay.api-keys")
                .hasMessageNotContaining(entry);
    }
}
