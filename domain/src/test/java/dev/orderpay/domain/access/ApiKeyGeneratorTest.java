package dev.orderpay.domain.access;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyGeneratorTest {

    @Test
    void given_a_source_of_randomness_then_a_key_is_the_prefix_and_43_base62_digits() {
        PlainApiKey key = new ApiKeyGenerator(new Random(7)).next();

        assertThat(key.value()).matches("op_[0-9A-Za-z]{43}");
        assertThat(key.prefix()).isEqualTo(key.value().substring(0, 8)).startsWith("op_");
    }

    @Test
    void given_the_smallest_and_largest_32_bytes_then_both_fill_exactly_43_digits() {
        assertThat(new ApiKeyGenerator(fixedBytes((byte) 0)).next().value()).isEqualTo("op_" + "0".repeat(43));
        // 2^256 - 1 in base62 needs all 43 digits, and starts with the largest first digit it can have.
        assertThat(new ApiKeyGenerator(fixedBytes((byte) 0xff)).next().value())
                .matches("op_[1-9A-Za-z][0-9A-Za-z]{42}");
    }

    @Test
    void given_secure_randomness_then_keys_do_not_repeat() {
        ApiKeyGenerator generator = new ApiKeyGenerator(new SecureRandom());
        Set<PlainApiKey> keys = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            keys.add(generator.next());
        }

        assertThat(keys).hasSize(1000);
    }

    @Test
    void given_a_key_when_printed_then_only_its_prefix_shows() {
        PlainApiKey key = new ApiKeyGenerator(new Random(7)).next();

        assertThat(key.toString()).contains(key.prefix()).doesNotContain(key.value());
    }

    @Test
    void given_the_same_key_then_digests_match_and_another_key_does_not() {
        PlainApiKey key = new ApiKeyGenerator(new Random(7)).next();

        assertThat(key.digest().matches(ApiKeyDigest.of(key.value()))).isTrue();
        assertThat(key.digest().matches(ApiKeyDigest.of(key.value() + "x"))).isFalse();
        assertThat(ApiKeyDigest.fromBytes(key.digest().bytes())).isEqualTo(key.digest());
    }

    private static RandomGenerator fixedBytes(byte value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, value);
            }
        };
    }
}
