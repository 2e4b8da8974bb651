package dev.orderpay.domain.webhook;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SigningSecretGeneratorTest {

    @Test
    void given_a_source_of_randomness_then_a_secret_is_the_prefix_and_32_bytes_in_hex() {
        SigningSecret secret = new SigningSecretGenerator(new Random(7)).next();

        assertThat(secret.value()).matches("whsec_[0-9a-f]{64}");
    }

    @Test
    void given_the_same_seed_then_the_same_secret_comes_out_so_tests_can_predict_it() {
        assertThat(new SigningSecretGenerator(new Random(7)).next())
                .isEqualTo(new SigningSecretGenerator(new Random(7)).next());
    }

    @Test
    void given_secure_randomness_then_secrets_do_not_repeat() {
        SigningSecretGenerator generator = new SigningSecretGenerator(new SecureRandom());
        Set<SigningSecret> secrets = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            secrets.add(generator.next());
        }

        assertThat(secrets).hasSize(1000);
    }
}
