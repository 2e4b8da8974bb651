package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An order's status changes, oldest first; an order that never changed has an empty list, not a missing one. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record OrderHistoryResponse(List<StatusChangeResponse> history) {
}
