package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** An event as the {@code events} table holds it. Column names are spelled out for the reason {@link OrderRow} gives. */
@MappedEntity("events")
record EventRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("type") String type,
        @MappedProperty("order_id") UUID orderId,
        @MappedProperty("sequence") long sequence,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("payload") String payload) {
}
