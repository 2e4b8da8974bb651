package dev.orderpay.application.port.in.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of what a request asks for, to tell a true repeat from a different request sent with the same key.
 * Commands write their parameters as text, one per line, and keep that text stable: a key stored under one text
 * must still match a repeat after an upgrade.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The SHA-256 of the text in UTF-8, in lower-case hex. */
    public static String of(String parameters) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(parameters.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }
}
