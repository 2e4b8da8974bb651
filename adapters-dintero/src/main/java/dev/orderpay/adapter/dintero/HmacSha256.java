package dev.orderpay.adapter.dintero;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** The MAC of Dintero's callback signatures, computed in this one place (the test double signs with it too). */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    /** The MAC of the text's UTF-8 bytes under the secret's UTF-8 bytes. */
    static byte[] of(String secret, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException missingFromTheJvm) {
            throw new IllegalStateException("HMAC-SHA256 is not available", missingFromTheJvm);
        }
    }
}
