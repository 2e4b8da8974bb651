package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One status change as the {@code order_status_history} table holds it: plain column values, no rules. */
@MappedEntity("order_status_history")
record StatusChangeRow(
        // Given by the database on insert; its order is the order the changes were recorded in.
        @Id @GeneratedValue @Nullable Long id,
        UUID orderId,
        String fromStatus,
        String toStatus,
        String source,
        @Nullable String providerReference,
        Instant occurredAt) {
}
