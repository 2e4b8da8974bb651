package dev.orderpay.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * The secret a rotation replaced, still signing beside the new one until {@code signsUntil}, so that receivers can
 * switch to the new secret without rejecting a single webhook meanwhile.
 */
public record PreviousSecret(SigningSecret secret, Instant signsUntil) {

    public PreviousSecret {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(signsUntil, "signsUntil");
    }

    public boolean signsAt(Instant now) {
        return now.isBefore(signsUntil);
    }
}
