package dev.orderpay.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a status change comes from and when it was made.
 *
 * @param providerReference the provider's payment or event id that proves the change, if there is one
 */
public record Provenance(ChangeSource source, Optional<String> providerReference, Instant at) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(providerReference, "providerReference");
        // Microseconds: what the database keeps, so a stored change reads back equal to the one made.
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
    }

    public static Provenance of(ChangeSource source, String providerReference, Instant at) {
        return new Provenance(source, Optional.ofNullable(providerReference), at);
    }

    public static Provenance unreferenced(ChangeSource source, Instant at) {
        return new Provenance(source, Optional.empty(), at);
    }
}
