package dev.orderpay.adapter.simulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** The MAC of the simulator's notification signatures, computed in this one place (tests forge with it too). */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    /** The MAC of the text's UTF-8 bytes under the key. */
    static byte[] of(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException missingFromTheJvm) {
            throw new IllegalStateException("HMAC-SHA256 is not available", missingFromTheJvm);
        }
    }
}
