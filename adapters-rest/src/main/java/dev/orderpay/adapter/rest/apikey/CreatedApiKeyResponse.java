package dev.orderpay.adapter.rest.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.application.port.in.access.CreateApiKeyResult;
import dev.orderpay.domain.access.ApiKey;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A key just created, with the key itself: the one answer that ever shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "CreatedApiKey")
record CreatedApiKeyResponse(
        @Schema(requiredMode = REQUIRED) String id,
        @Schema(description = "The key, to send as Authorization: Bearer <key>. Shown this once: only its digest is"
                + " kept", example = "op_4fTq2wZ0cJ9yR7uL1mN3pQ5sT8vX0aB2dE4gH6jK8mP", requiredMode = REQUIRED)
        String key,
        @Schema(requiredMode = REQUIRED) String name,
        @Schema(requiredMode = REQUIRED, example = "[\"orders:read\"]") List<String> scopes,
        @Schema(requiredMode = REQUIRED, description = "The key's first characters, to recognise it by later")
        String prefix,
        @JsonProperty("created_at") @Schema(name = "created_at", format = "date-time", requiredMode = REQUIRED)
        String createdAt) {

    static CreatedApiKeyResponse from(CreateApiKeyResult.Created created) {
        ApiKey key = created.key();
        return new CreatedApiKeyResponse(key.id().toString(), created.plain().value(), key.name(),
                ApiKeyResponse.scopes(key), key.prefix(), ApiKeyResponse.instant(key.createdAt()));
    }
}
