package dev.orderpay.adapter.webhooks;

import dev.orderpay.domain.webhook.SigningSecret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code Orderpay-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}, with one
 * {@code v1} per secret in force, each keyed with the secret's UTF-8 bytes (docs/webhooks.md, "Signature").
 */
final class WebhookSignature {

    static final String HEADER = "Orderpay-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    static String header(long unixSeconds, byte[] body, List<SigningSecret> secrets) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        for (SigningSecret secret : secrets) {
            header.append(",v1=").append(HexFormat.of().formatHex(mac(secret, prefix, body)));
        }
        return header.toString();
    }

    private static byte[] mac(SigningSecret secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException missingFromTheJvm) {
            throw new IllegalStateException("HMAC-SHA256 is not available", missingFromTheJvm);
        }
    }
}
