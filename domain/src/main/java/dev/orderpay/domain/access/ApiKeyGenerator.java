package dev.orderpay.domain.access;

import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Makes new API keys: {@code op_} and 32 random bytes in base62, always 43 digits, so a key is 256 bits of chance
 * that survives copying through any shell, URL or form. The source of randomness is given: {@code SecureRandom} in
 * the service, a seeded one in tests.
 */
public final class ApiKeyGenerator {

    static final String PREFIX = "op_";
    static final int BYTES = 32;
    // 62^43 > 2^256 > 62^42: the most digits 32 bytes can need.
    static final int DIGITS = 43;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length());

    private final RandomGenerator random;

    public ApiKeyGenerator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public PlainApiKey next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        BigInteger number = new BigInteger(1, bytes);
        char[] digits = new char[DIGITS];
        for (int i = DIGITS - 1; i >= 0; i--) {
            BigInteger[] quotientAndRemainder = number.divideAndRemainder(BASE);
            digits[i] = ALPHABET.charAt(quotientAndRemainder[1].intValue());
            number = quotientAndRemainder[0];
        }
        return new PlainApiKey(PREFIX + new String(digits));
    }
}
