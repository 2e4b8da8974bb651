package dev.orderpay.adapter.rest.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderpay.adapter.rest.order.Link;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Events, newest first or in an order's sequence, with a {@code next} link while more remain; both lists always sent. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "EventList")
record EventListResponse(List<EventResponse> events,
                         @Schema(requiredMode = REQUIRED, description = "A next link while more events pass the filter")
                         List<Link> links) {
}
