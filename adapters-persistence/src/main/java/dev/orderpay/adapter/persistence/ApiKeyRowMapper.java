package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.Scope;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Flattens a managed API key into its row and back; scopes are stored by their wire names. */
final class ApiKeyRowMapper {

    private ApiKeyRowMapper() {
    }

    static ApiKeyRow toRow(ApiKey key, ApiKeyDigest digest) {
        return new ApiKeyRow(key.id().value(), key.name(), digest.bytes(), key.prefix(),
                key.scopes().stream().map(Scope::wireName).toArray(String[]::new), key.createdAt(),
                key.lastUsedAt().orElse(null), key.revokedAt().orElse(null));
    }

    static ApiKey toKey(ApiKeyRow row) {
        return new ApiKey(new ApiKeyId(row.id()), row.name(), row.prefix(),
                Arrays.stream(row.scopes()).map(ApiKeyRowMapper::scope).collect(Collectors.toSet()),
                row.createdAt(), Optional.ofNullable(row.lastUsedAt()), Optional.ofNullable(row.revokedAt()));
    }

    private static Scope scope(String wireName) {
        return Scope.fromWireName(wireName).orElseThrow(() -> new IllegalStateException(
                "an API key grants an unknown scope " + wireName + ": was the service downgraded?"));
    }
}
