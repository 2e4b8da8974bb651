package dev.orderpay.application.service;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventNotFoundException;
import dev.orderpay.application.port.in.event.RedeliverEventCommand;
import dev.orderpay.application.port.in.event.RedeliverEventUseCase;
import dev.orderpay.application.port.in.event.RedeliveryResult;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * New deliveries of an event the merchant asks for; the delivery engine sends them like any other. Without an
 * endpoint named, the event goes to every destination it would go to now: the endpoints and its order's callback URL.
 */
public final class EventRedeliveryService implements RedeliverEventUseCase {

    private final EventLog events;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    EventRedeliveryService(EventLog events, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
                           Clock clock) {
        this.events = events;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public RedeliveryResult redeliver(RedeliverEventCommand command) {
        Event event = events.findById(command.eventId())
                .orElseThrow(() -> new EventNotFoundException(command.eventId()));
        List<WebhookEndpointId> targets;
        boolean toOrderCallback = command.endpointId().isEmpty();
        if (command.endpointId().isPresent()) {
            WebhookEndpointId id = command.endpointId().get();
            WebhookEndpoint endpoint = endpoints.findById(id)
                    .orElseThrow(() -> new WebhookEndpointNotFoundException(id));
            if (!endpoint.enabled()) {
                return new RedeliveryResult.EndpointDisabled(id);
            }
            targets = List.of(id);
        } else {
            targets = endpoints.findEnabledSubscribedTo(event.type()).stream().map(WebhookEndpoint::id).toList();
        }
        Instant now = clock.instant();
        AuditEntry audit = AuditEntry.of(command.actor(), AuditAction.EVENT_REDELIVERED, event.id(), now);
        return new RedeliveryResult.Redelivered(deliveries.redeliver(event.id(), targets, toOrderCallback, now,
                audit));
    }
}
