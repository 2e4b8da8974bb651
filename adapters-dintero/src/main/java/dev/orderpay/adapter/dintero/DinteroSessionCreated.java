package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
record DinteroSessionCreated(@Nullable String id, @Nullable String url) {
}
