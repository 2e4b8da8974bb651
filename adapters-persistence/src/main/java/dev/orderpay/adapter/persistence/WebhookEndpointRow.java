package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook endpoint as the {@code webhook_endpoints} table holds it: plain column values, no rules. It carries the
 * signing secrets, so its text form leaves them out.
 */
@MappedEntity("webhook_endpoints")
record WebhookEndpointRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("url") String url,
        @MappedProperty("all_event_types") boolean allEventTypes,
        // The wire names of the chosen types; null when all_event_types.
        @MappedProperty("event_types") @TypeDef(type = DataType.STRING_ARRAY) @Nullable String[] eventTypes,
        @MappedProperty("description") @Nullable String description,
        @MappedProperty("disabled_reason") @Nullable String disabledReason,
        @MappedProperty("disabled_at") @Nullable Instant disabledAt,
        @MappedProperty("secret") String secret,
        @MappedProperty("previous_secret") @Nullable String previousSecret,
        @MappedProperty("previous_secret_expires_at") @Nullable Instant previousSecretExpiresAt,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("version") @Version long version) {

    @Override
    public String toString() {
        return "WebhookEndpointRow[id=" + id + ", url=" + url + ", secrets redacted]";
    }
}
