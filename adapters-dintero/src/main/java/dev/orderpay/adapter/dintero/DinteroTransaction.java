package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The part of a Dintero transaction that decides an order's payment; the rest of it is ignored. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record DinteroTransaction(@Nullable String id, @Nullable String sessionId, @Nullable String merchantReference,
                          long amount, @Nullable String currency, @Nullable String status) {
}
