package dev.orderpay.adapter.rest.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An API key as lists show it: never the key itself. The members a key from the environment does not have are left
 * out for it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ApiKey")
record ApiKeyResponse(
        @Schema(description = "A managed key's id; for a key from the environment the client id its requests are"
                + " counted under (key- and the start of its digest)", requiredMode = REQUIRED)
        String id,
        @Schema(description = "What people call it; for a key from the environment, where it is set",
                requiredMode = REQUIRED)
        String name,
        @Schema(description = "managed: created through the API or the jar's keys command, revocable;"
                + " environment: from ORDERPAY_API_KEYS, holding every scope, not revocable through the API",
                allowableValues = {"managed", "environment"}, requiredMode = REQUIRED)
        String source,
        @Schema(description = "The scopes it grants", example = "[\"orders:read\"]", requiredMode = REQUIRED)
        List<String> scopes,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = false, description = "The key's first characters, to recognise it by (managed keys)",
                example = "op_4fTq2")
        @Nullable String prefix,
        @JsonProperty("created_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "created_at", format = "date-time", nullable = false, description = "Managed keys")
        @Nullable String createdAt,
        @JsonProperty("last_used_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "last_used_at", format = "date-time", nullable = false,
                description = "When a request last came with it, to within a minute; left out until then")
        @Nullable String lastUsedAt,
        @JsonProperty("revoked_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(name = "revoked_at", format = "date-time", nullable = false,
                description = "When it stopped working; only once revoked")
        @Nullable String revokedAt) {

    static final String MANAGED = "managed";
    static final String ENVIRONMENT = "environment";

    static ApiKeyResponse from(ApiKey key) {
        return new ApiKeyResponse(key.id().toString(), key.name(), MANAGED, scopes(key), key.prefix(),
                instant(key.createdAt()), key.lastUsedAt().map(ApiKeyResponse::instant).orElse(null),
                key.revokedAt().map(ApiKeyResponse::instant).orElse(null));
    }

    static ApiKeyResponse fromEnvironment(String client) {
        return new ApiKeyResponse(client, "ORDERPAY_API_KEYS", ENVIRONMENT,
                Scope.all().stream().map(Scope::wireName).toList(), null, null, null, null);
    }

    static List<String> scopes(ApiKey key) {
        return key.scopes().stream().map(Scope::wireName).toList();
    }

    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
