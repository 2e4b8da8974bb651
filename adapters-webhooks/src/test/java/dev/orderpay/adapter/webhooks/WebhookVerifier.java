package dev.orderpay.adapter.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Checks that a webhook came from orderpay. Give it the body exactly as received, before any JSON parsing. */
public final class WebhookVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;

    public WebhookVerifier(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the Orderpay-Signature header signs this body with our secret, at most 5 minutes from now. */
    public boolean isAuthentic(String signatureHeader, byte[] rawBody, Instant now) {
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String element : signatureHeader.split(",")) {
            String[] keyAndValue = element.trim().split("=", 2);
            if (keyAndValue.length != 2) {
                continue;
            }
            if (keyAndValue[0].equals("t")) {
                timestamp = keyAndValue[1];
            } else if (keyAndValue[0].equals("v1")) {
                signatures.add(keyAndValue[1]);
            }
        }
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            return false; // too old (a replay) or too far ahead
        }
        byte[] expected = hmacSha256((timestamp + ".").getBytes(StandardCharsets.UTF_8), rawBody);
        for (String signature : signatures) {
            try {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) {
                    return true; // constant-time comparison
                }
            } catch (IllegalArgumentException notHex) {
                // another element's format; try the next one
            }
        }
        return false;
    }

    private byte[] hmacSha256(byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
