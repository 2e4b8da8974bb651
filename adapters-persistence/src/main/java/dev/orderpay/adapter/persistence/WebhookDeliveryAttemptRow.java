package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One attempt as {@code webhook_delivery_attempts} holds it: a status code or an error, never both. */
@Introspected
record WebhookDeliveryAttemptRow(UUID deliveryId, int number, Instant attemptedAt, @Nullable Integer statusCode,
                                 @Nullable String error, int latencyMs, @Nullable String bodyExcerpt,
                                 @Nullable Instant nextAttemptAt) {
}
