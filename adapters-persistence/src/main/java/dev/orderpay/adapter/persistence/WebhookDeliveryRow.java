package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook delivery as the {@code webhook_deliveries} table holds it. Rows are written by statements of their own
 * ({@link WebhookDeliveryRowRepository}); this shape reads them back and names the columns for criteria queries.
 */
@MappedEntity("webhook_deliveries")
record WebhookDeliveryRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("event_id") UUID eventId,
        @MappedProperty("endpoint_id") UUID endpointId,
        @MappedProperty("order_id") UUID orderId,
        @MappedProperty("sequence") long sequence,
        @MappedProperty("state") String state,
        @MappedProperty("attempts") int attempts,
        @MappedProperty("next_attempt_at") @Nullable Instant nextAttemptAt,
        @MappedProperty("claimed_until") @Nullable Instant claimedUntil,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("superseded") boolean superseded,
        @MappedProperty("last_attempt_at") @Nullable Instant lastAttemptAt,
        @MappedProperty("last_status_code") @Nullable Integer lastStatusCode,
        @MappedProperty("last_error") @Nullable String lastError,
        @MappedProperty("to_callback") boolean toCallback) {
}
