package dev.orderpay.adapter.rest.security;

import dev.orderpay.domain.access.ApiKeyDigest;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private static final String KEY = "merchant-key-1";
    private static final String KEY_DIGEST = HexFormat.of().formatHex(ApiKeyDigest.of(KEY).bytes());

    @Test
    void given_a_key_configured_as_itself_when_presented_then_it_names_a_client_that_does_not_show_the_key() {
        ApiKeys keys = new ApiKeys(KEY);

        assertThat(keys.clientOf(ApiKeyDigest.of(KEY))).hasValueSatisfying(client -> assertThat(client)
                .matches("key-[0-9a-f]{12}").doesNotContain(KEY));
    }

    @Test
    void given_the_same_key_configured_as_its_digest_then_the_client_id_is_the_same() {
        assertThat(new ApiKeys("sha256:" + KEY_DIGEST).clientOf(ApiKeyDigest.of(KEY)))
                .isEqualTo(new ApiKeys(KEY).clientOf(ApiKeyDigest.of(KEY)));
        assertThat(new ApiKeys("SHA256:" + KEY_DIGEST.toUpperCase()).clientOf(ApiKeyDigest.of(KEY)))
                .isEqualTo(new ApiKeys(KEY).clientOf(ApiKeyDigest.of(KEY)));
    }

    @Test
    void given_two_keys_then_each_names_its_own_client_and_other_keys_none() {
        ApiKeys keys = new ApiKeys(" " + KEY + " ,, other-key ");

        assertThat(keys.clientOf(ApiKeyDigest.of(KEY))).isPresent();
        assertThat(keys.clientOf(ApiKeyDigest.of("other-key"))).isPresent()
                .isNotEqualTo(keys.clientOf(ApiKeyDigest.of(KEY)));
        assertThat(keys.clientOf(ApiKeyDigest.of("merchant-key-2"))).isEmpty();
        assertThat(keys.clientOf(ApiKeyDigest.of(KEY + " "))).isEmpty();
        assertThat(keys.clientOf(ApiKeyDigest.of(""))).isEmpty();
    }

    @Test
    void given_no_keys_then_no_key_is_accepted() {
        assertThat(new ApiKeys("").clientOf(ApiKeyDigest.of(""))).isEmpty();
        assertThat(new ApiKeys(" , ").clientOf(ApiKeyDigest.of(" "))).isEmpty();
    }

    @Test
    void given_keys_then_their_clients_are_listed_in_order_and_any_says_whether_there_are_some() {
        ApiKeys keys = new ApiKeys(KEY + ",other-key");

        assertThat(keys.clients()).containsExactly(keys.clientOf(ApiKeyDigest.of(KEY)).orElseThrow(),
                keys.clientOf(ApiKeyDigest.of("other-key")).orElseThrow());
        assertThat(keys.any()).isTrue();
        assertThat(new ApiKeys(" , ").any()).isFalse();
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
