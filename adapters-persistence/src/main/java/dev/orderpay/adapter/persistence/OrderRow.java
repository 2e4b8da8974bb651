package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** An order as the {@code orders} table holds it: plain column values, no rules. */
@MappedEntity("orders")
record OrderRow(
        @Id UUID id,
        long amountMinor,
        String currency,
        String receipt,
        String status,
        @Nullable String sessionId,
        @Nullable String sessionUrl,
        Instant createdAt,
        Instant updatedAt,
        // Micronaut Data adds "AND version = ?" to every update and bumps it, failing when no row matched.
        @Version long version) {
}
