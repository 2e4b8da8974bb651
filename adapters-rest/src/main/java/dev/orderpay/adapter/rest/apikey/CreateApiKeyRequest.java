package dev.orderpay.adapter.rest.apikey;

import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The body of {@code POST /api-keys}, as sent: every field may be missing, and the command says which are wrong. */
@Serdeable
record CreateApiKeyRequest(
        @Schema(description = "What people call the key, 1 to 100 characters", example = "warehouse reporting",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String name,
        @Schema(description = "The scopes it grants, at least one; each must be held by the key that creates it",
                example = "[\"orders:read\", \"metrics:read\"]", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable List<String> scopes) {

    CreateApiKeyCommand toCommand() {
        return CreateApiKeyCommand.of(name, scopes);
    }
}
