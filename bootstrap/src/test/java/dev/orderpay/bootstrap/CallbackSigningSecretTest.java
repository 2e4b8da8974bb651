package dev.orderpay.bootstrap;

import dev.orderpay.domain.webhook.SigningSecret;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ORDERPAY_CALLBACK_SIGNING_SECRET: none, or one long enough; a short one stops the service without showing it. */
class CallbackSigningSecretTest {

    @Test
    void given_no_secret_then_there_is_none() {
        assertThat(new CallbackSigningSecret("").secret()).isEmpty();
    }

    @Test
    void given_a_secret_of_at_least_32_characters_then_it_signs_as_given() {
        String configured = "x".repeat(CallbackSigningSecret.MIN_LENGTH);

        assertThat(new CallbackSigningSecret(configured).secret()).contains(new SigningSecret(configured));
    }

    @Test
    void given_a_shorter_or_blank_secret_then_it_is_refused_naming_the_variable_and_not_the_value() {
        assertThatThrownBy(() -> new CallbackSigningSecret("short-secret-31-characters-long"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ORDERPAY_CALLBACK_SIGNING_SECRET").hasMessageContaining("32 characters")
                .hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> new CallbackSigningSecret(" ".repeat(40)))
                .isInstanceOf(ConfigurationException.class);
    }
}
