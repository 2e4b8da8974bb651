package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * A request with an idempotency key as {@code idempotent_requests} holds it. Only read whole when a request is
 * taken over; every write is one of the repository's statements.
 */
@MappedEntity("idempotent_requests")
record IdempotentRequestRow(
        @EmbeddedId IdempotentRequestRowId id,
        @MappedProperty("operation") String operation,
        @MappedProperty("target") @Nullable String target,
        @MappedProperty("fingerprint") String fingerprint,
        @MappedProperty("state") String state,
        @MappedProperty("holder") UUID holder,
        @MappedProperty("held_until") Instant heldUntil,
        @MappedProperty("resource_id") @Nullable UUID resourceId,
        // All five set or all null (idempotent_requests_started_complete).
        @MappedProperty("started_operation") @Nullable String startedOperation,
        @MappedProperty("started_amount_minor") @Nullable Long startedAmountMinor,
        @MappedProperty("started_baseline_minor") @Nullable Long startedBaselineMinor,
        @MappedProperty("started_currency") @Nullable String startedCurrency,
        @MappedProperty("started_at") @Nullable Instant startedAt,
        @MappedProperty("answer_status") @Nullable Integer answerStatus,
        @MappedProperty("answer_location") @Nullable String answerLocation,
        @MappedProperty("answer_body") @Nullable String answerBody,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("expires_at") Instant expiresAt) {
}
