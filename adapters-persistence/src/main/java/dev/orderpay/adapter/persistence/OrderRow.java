package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order as the {@code orders} table holds it: plain column values, no rules. Column names are spelled out: for
 * a component without one, Micronaut Data derives the snake_case name again for every row it reads, which was the
 * largest single cost of listing orders (docs/benchmarks.md). The contents' columns are written by the insert alone:
 * {@code updatable = false} leaves them out of every update, since an order's contents never change.
 */
@MappedEntity("orders")
record OrderRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("amount_minor") long amountMinor,
        @MappedProperty("currency") String currency,
        @MappedProperty("receipt") String receipt,
        @MappedProperty("callback_url") @Nullable String callbackUrl,
        @MappedProperty("status") String status,
        @MappedProperty("session_id") @Nullable String sessionId,
        @MappedProperty("session_url") @Nullable String sessionUrl,
        @MappedProperty("payment_id") @Nullable String paymentId,
        @MappedProperty("captured_minor") long capturedMinor,
        @MappedProperty("refunded_minor") long refundedMinor,
        // The pending operation's four columns are all set or all null (orders_pending_operation_complete).
        @MappedProperty("pending_operation") @Nullable String pendingOperation,
        @MappedProperty("pending_amount_minor") @Nullable Long pendingAmountMinor,
        @MappedProperty("pending_baseline_minor") @Nullable Long pendingBaselineMinor,
        @MappedProperty("pending_started_at") @Nullable Instant pendingStartedAt,
        // What the pending operation moves of each line; null when it moves none, or none is pending.
        @MappedProperty(value = "pending_lines", type = DataType.JSON) @Nullable List<PendingLineDocument> pendingLines,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("updated_at") Instant updatedAt,
        // Written by the insert; every update clears it, since the first one is the creation storing its outcome.
        @MappedProperty("creation_held_until") @Nullable Instant creationHeldUntil,
        // Written with the version check, so racing changes never number two events alike.
        @MappedProperty("last_event_sequence") long lastEventSequence,
        // The contents besides their lines (order_lines), and how many lines there are, so a listing reads none.
        @MappedProperty("line_count") @AutoPopulated(updatable = false) int lineCount,
        @MappedProperty("customer_email") @AutoPopulated(updatable = false) @Nullable String customerEmail,
        @MappedProperty(value = "customer", type = DataType.JSON) @AutoPopulated(updatable = false)
        @Nullable CustomerDocument customer,
        @MappedProperty(value = "shipping_address", type = DataType.JSON) @AutoPopulated(updatable = false)
        @Nullable AddressDocument shippingAddress,
        @MappedProperty(value = "billing_address", type = DataType.JSON) @AutoPopulated(updatable = false)
        @Nullable AddressDocument billingAddress,
        @MappedProperty(value = "metadata", type = DataType.JSON) @AutoPopulated(updatable = false)
        Map<String, String> metadata,
        // Micronaut Data adds "AND version = ?" to every update and bumps it, failing when no row matched.
        @MappedProperty("version") @Version long version) {
}
