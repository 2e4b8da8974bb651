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
        @Nullable String paymentId,
        long capturedMinor,
        long refundedMinor,
        // The pending operation's four columns are all set or all null (orders_pending_operation_complete).
        @Nullable String pendingOperation,
        @Nullable Long pendingAmountMinor,
        @Nullable Long pendingBaselineMinor,
        @Nullable Instant pendingStartedAt,
        Instant createdAt,
        Instant updatedAt,
        // Micronaut Data adds "AND version = ?" to every update and bumps it, failing when no row matched.
        @Version long version) {
}
