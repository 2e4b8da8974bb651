package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A managed API key as the {@code api_keys} table holds it: its digest, never the key. */
@MappedEntity("api_keys")
record ApiKeyRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("name") String name,
        @MappedProperty("digest") byte[] digest,
        @MappedProperty("prefix") String prefix,
        @MappedProperty("scopes") @TypeDef(type = DataType.STRING_ARRAY) String[] scopes,
        @MappedProperty("created_at") Instant createdAt,
        @MappedProperty("last_used_at") @Nullable Instant lastUsedAt,
        @MappedProperty("revoked_at") @Nullable Instant revokedAt) {
}
