package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery whose attempt {@link RecordedAttemptRowRepository#record} recorded, with its endpoint's run of failed
 * deliveries as the recording left it: when the run began, or null while the endpoint takes its webhooks. Micronaut
 * Data maps what a statement that writes returns only to an entity, hence this shape of a delivery's row.
 */
@MappedEntity("webhook_deliveries")
record RecordedAttemptRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("endpoint_failing_since") @Nullable Instant endpointFailingSince) {
}
