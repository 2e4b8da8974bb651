package dev.orderpay.domain.webhook;

import java.util.Objects;

/**
 * A secret webhooks are signed with, exactly as the merchant was given it: receivers key their HMAC with its UTF-8
 * bytes. It never shows itself in a log line or a message.
 */
public record SigningSecret(String value) {

    public SigningSecret {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a signing secret cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }
}
