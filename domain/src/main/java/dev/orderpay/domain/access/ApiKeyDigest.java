package dev.orderpay.domain.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 digest of an API key: what is stored and compared instead of the key. A digest of a 256-bit random
 * key cannot be turned back into it, so a leaked table or log opens nothing.
 */
public final class ApiKeyDigest {

    public static final int BYTES = 32;

    private final byte[] bytes;

    private ApiKeyDigest(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a SHA-256 digest has " + BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    /** The digest of a key as presented or as generated. */
    public static ApiKeyDigest of(String key) {
        try {
            return new ApiKeyDigest(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /** A digest as stored. */
    public static ApiKeyDigest fromBytes(byte[] bytes) {
        return new ApiKeyDigest(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Compared in constant time: how long it takes says nothing about how much of the digest matched. */
    public boolean matches(ApiKeyDigest other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** The first {@code count} bytes in hex: a stable, non-secret name for the key. */
    public String hexPrefix(int count) {
        return HexFormat.of().formatHex(bytes, 0, count);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeyDigest digest && matches(digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ApiKeyDigest[" + hexPrefix(4) + "…]";
    }
}
