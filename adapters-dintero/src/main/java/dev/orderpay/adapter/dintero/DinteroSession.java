package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * The part of a Dintero checkout session that tells how it ended. Times are kept as text and read by
 * {@link DinteroSessionMapper}, so that one odd timestamp does not make the whole session unreadable.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
record DinteroSession(@Nullable String id, @Nullable String transactionId, @Nullable String expiresAt,
                      @Nullable String cancelledAt, @Nullable List<Event> events) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(@Nullable String name) {
    }
}
