package dev.orderpay.domain.webhook;

import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Makes new webhook signing secrets: {@code whsec_} and 32 random bytes in hex, as strong as the HMAC-SHA256 key they
 * become. The source of randomness is given: {@code SecureRandom} in the service, a seeded one in tests.
 */
public final class SigningSecretGenerator {

    static final String PREFIX = "whsec_";
    private static final int BYTES = 32;

    private final RandomGenerator random;

    public SigningSecretGenerator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public SigningSecret next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SigningSecret(PREFIX + HexFormat.of().formatHex(bytes));
    }
}
