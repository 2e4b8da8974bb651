package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * An audit entry as the {@code audit_log} table holds it. Column names are spelled out for the reason
 * {@link OrderRow} gives.
 */
@MappedEntity("audit_log")
record AuditRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("occurred_at") Instant occurredAt,
        @MappedProperty("actor") String actor,
        @MappedProperty("action") String action,
        @MappedProperty("target_type") String targetType,
        @MappedProperty("target_id") String targetId,
        @MappedProperty("request_id") String requestId,
        @MappedProperty("amount_minor") @Nullable Long amountMinor,
        @MappedProperty("currency") @Nullable String currency) {
}
