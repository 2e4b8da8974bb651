package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Dintero's error body: {@code {"error": {"code": ..., "message": ...}}}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
record DinteroError(@Nullable Detail error) {

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(@Nullable String code, @Nullable String message) {
    }
}
