package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orderpay.domain.StatusChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** One step in an order's history; {@code provider_reference} is null when nothing from the provider proves it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record StatusChangeResponse(String from, String to, String source,
                            @JsonProperty("provider_reference") @Nullable String providerReference, String at) {

    static List<StatusChangeResponse> from(List<StatusChange> history) {
        return history.stream().map(StatusChangeResponse::from).toList();
    }

    static StatusChangeResponse from(StatusChange change) {
        return new StatusChangeResponse(change.from().name(), change.to().name(), change.provenance().source().name(),
                change.provenance().providerReference().orElse(null),
                DateTimeFormatter.ISO_INSTANT.format(change.provenance().at()));
    }
}
