package dev.orderpay.adapter.rest.event;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.order.OrderResponse;
import dev.orderpay.adapter.rest.order.PendingOperationResponse;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.event.OrderEvent;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Events carry the order in the very shape {@code GET /orders/{id}} answers with, so this adapter renders them. An
 * event larger than {@link MaxEventPayload} is rendered compact instead: the same envelope with
 * {@code data_complete: false}, and the order without its free-size parts but with a link to the whole of it.
 */
@Singleton
class RestEventPayloads implements EventPayloads {

    private final JsonMapper json;
    private final int maxPayloadBytes;

    @Inject
    RestEventPayloads(JsonMapper json, MaxEventPayload maxPayload) {
        this(json, maxPayload.bytes());
    }

    /** With any bound, also one below {@link MaxEventPayload#MINIMUM_BYTES}: for tests. */
    RestEventPayloads(JsonMapper json, int maxPayloadBytes) {
        this.json = json;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public String render(EventId id, Instant createdAt, OrderEvent event, Order order) {
        OrderResponse data = OrderResponse.from(order);
        String complete = write(envelope(id, createdAt, event, order, true, data));
        if (complete.getBytes(StandardCharsets.UTF_8).length <= maxPayloadBytes) {
            return complete;
        }
        // Only the order's free-size parts can make an event large, so without them it fits any bound from the
        // minimum on.
        return write(envelope(id, createdAt, event, order, false, data.withoutFreeSizeParts()));
    }

    private static EventResponse envelope(EventId id, Instant createdAt, OrderEvent event, Order order,
                                          boolean dataComplete, OrderResponse data) {
        return new EventResponse(id.toString(), event.type().wireName(),
                DateTimeFormatter.ISO_INSTANT.format(createdAt), ApiDocumentation.VERSION, order.id().toString(),
                event.sequence(), event.failedOperation().map(PendingOperationResponse::from).orElse(null),
                dataComplete, data);
    }

    @Override
    public String renderPing(EventId id, Instant createdAt, WebhookEndpointId endpoint) {
        return write(new PingEventResponse(id.toString(), EventType.PING.wireName(),
                DateTimeFormatter.ISO_INSTANT.format(createdAt), ApiDocumentation.VERSION,
                new PingEventResponse.Data(endpoint.toString())));
    }

    private String write(Object response) {
        try {
            return json.writeValueAsString(response);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("an event could not be rendered", cannotHappen);
        }
    }

    /** A stored event read back in its own shape, for the events API. */
    EventResponse read(String payload) {
        try {
            return json.readValue(payload, EventResponse.class);
        } catch (IOException corrupted) {
            throw new UncheckedIOException("a stored event could not be read", corrupted);
        }
    }
}
