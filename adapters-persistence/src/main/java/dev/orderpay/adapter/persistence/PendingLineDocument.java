package dev.orderpay.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a pending operation moves of one line, as an element of {@code orders.pending_lines}; the quantity is text, so
 * that no decimal passes through a floating-point type.
 */
@Serdeable
record PendingLineDocument(@JsonProperty("line_id") String lineId,
                           String quantity,
                           @JsonProperty("amount_minor") long amountMinor,
                           @JsonProperty("vat_amount_minor") long vatAmountMinor) {
}
