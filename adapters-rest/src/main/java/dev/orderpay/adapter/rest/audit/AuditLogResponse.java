package dev.orderpay.adapter.rest.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderpay.adapter.rest.order.Link;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Audit entries, newest first, with a {@code next} link while more remain; both lists always sent. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "AuditLog")
record AuditLogResponse(@Schema(requiredMode = REQUIRED) List<AuditEntryResponse> entries,
                        @Schema(requiredMode = REQUIRED, description = "A next link while more entries pass the filter")
                        List<Link> links) {
}
