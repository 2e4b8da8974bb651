package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * One status change as the {@code order_status_history} table holds it: plain column values, no rules. Column names
 * are spelled out for the reason {@link OrderRow} gives.
 */
@MappedEntity("order_status_history")
record StatusChangeRow(
        // Given by the database on insert; its order is the order the changes were recorded in.
        @Id @GeneratedValue @MappedProperty("id") @Nullable Long id,
        @MappedProperty("order_id") UUID orderId,
        @MappedProperty("from_status") String fromStatus,
        @MappedProperty("to_status") String toStatus,
        @MappedProperty("source") String source,
        @MappedProperty("provider_reference") @Nullable String providerReference,
        @MappedProperty("occurred_at") Instant occurredAt) {
}
