package dev.orderpay.adapter.rest.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** One audit log entry; the amount and currency only for a capture or refund. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "AuditEntry")
record AuditEntryResponse(
        @Schema(format = "uuid", requiredMode = REQUIRED)
        String id,
        @JsonProperty("occurred_at")
        @Schema(name = "occurred_at", format = "date-time", requiredMode = REQUIRED)
        String occurredAt,
        @Schema(description = "Who asked: a managed key's id, or for a key from the environment its client id (key-"
                + " and the start of its digest); local-development when key checks are off. Never a key",
                requiredMode = REQUIRED)
        String actor,
        @Schema(description = "What was asked for", requiredMode = REQUIRED, allowableValues = {
                "payment.capture_requested", "payment.refund_requested", "payment.cancel_requested",
                "webhook_endpoint.created", "webhook_endpoint.updated", "webhook_endpoint.deleted",
                "webhook_endpoint.secret_rotated", "event.redelivered", "api_key.created", "api_key.revoked"})
        String action,
        @JsonProperty("target_type")
        @Schema(name = "target_type", description = "What target_id names", requiredMode = REQUIRED,
                allowableValues = {"order", "webhook_endpoint", "event", "api_key"})
        String targetType,
        @JsonProperty("target_id")
        @Schema(name = "target_id", requiredMode = REQUIRED)
        String targetId,
        @JsonProperty("request_id")
        @Schema(name = "request_id", description = "The Request-Id of the request that asked", requiredMode = REQUIRED)
        String requestId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = false, description = "The amount asked for, in minor units (captures and refunds)")
        @Nullable Long amount,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = false, description = "The amount's ISO 4217 currency (captures and refunds)",
                example = "NOK")
        @Nullable String currency) {

    static AuditEntryResponse from(AuditEntry entry) {
        return new AuditEntryResponse(entry.id().toString(), DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()),
                entry.actor().name(), entry.action().wireName(), entry.targetType().wireName(), entry.targetId(),
                entry.actor().requestId(), entry.amount().map(Money::minorUnits).orElse(null),
                entry.amount().map(money -> money.currency().getCurrencyCode()).orElse(null));
    }

    /** The action names, for a bad filter's message. */
    static String actionNames() {
        return String.join(", ", Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList());
    }
}
