package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** The part of a Dintero transaction that decides an order's payment; the rest of it is ignored. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record DinteroTransaction(@Nullable String id, @Nullable String sessionId, @Nullable String merchantReference,
                          long amount, @Nullable String currency, @Nullable String status,
                          @Nullable List<Event> events) {

    /**
     * One thing that happened to the transaction: {@code event} names it ({@code CAPTURE}, {@code REFUND}, ...),
     * {@code success} tells whether it went through, and {@code amount} is what it captured or refunded.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(@Nullable String event, @Nullable Boolean success, @Nullable Long amount) {
    }
}
