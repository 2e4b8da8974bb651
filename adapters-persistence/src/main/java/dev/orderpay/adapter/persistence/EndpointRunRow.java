package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.util.UUID;
import java.time.Instant;

/**
 * A webhook endpoint's current run of failed deliveries, as the delivery engine keeps it in {@code webhook_endpoints}:
 * when it began, or null while the endpoint takes its webhooks. Its own shape of the row, read and written only by
 * {@link EndpointRunRowRepository#record}, which is why no other writer of the row ever touches these columns.
 */
@MappedEntity("webhook_endpoints")
record EndpointRunRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("failing_since") @Nullable Instant failingSince) {
}
