package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A claimed idempotency key as the {@code idempotency_keys} table holds it. */
@MappedEntity("idempotency_keys")
record IdempotencyKeyRow(@EmbeddedId IdempotencyKeyRowId id, String fingerprint, UUID orderId, Instant expiresAt) {
}
