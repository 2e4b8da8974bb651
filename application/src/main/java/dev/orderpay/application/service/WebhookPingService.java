package dev.orderpay.application.service;

import dev.orderpay.application.port.in.webhook.PingResult;
import dev.orderpay.application.port.in.webhook.PingWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import dev.orderpay.application.port.out.event.EventPayloads;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.application.port.out.webhook.WebhookSender;
import dev.orderpay.domain.event.EventId;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Clock;
import java.time.Instant;

/** An endpoint's test: one {@code ping}, sent at once, neither stored nor retried. */
public final class WebhookPingService implements PingWebhookEndpointUseCase {

    private final WebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final EventPayloads payloads;
    private final Clock clock;

    WebhookPingService(WebhookEndpoints endpoints, WebhookSender sender, EventPayloads payloads, Clock clock) {
        this.endpoints = endpoints;
        this.sender = sender;
        this.payloads = payloads;
        this.clock = clock;
    }

    @Override
    public PingResult ping(WebhookEndpointId id) {
        WebhookEndpoint endpoint = endpoints.findById(id).orElseThrow(() -> new WebhookEndpointNotFoundException(id));
        Instant now = clock.instant();
        EventId pingId = EventId.newId();
        String payload = payloads.renderPing(pingId, now, id);
        WebhookResponse response = sender.send(new WebhookRequest(endpoint.url(), pingId.toString(), EventType.PING,
                payload, endpoint.secretsInForce(now)));
        return new PingResult(payload, WebhookAnswers.resultOf(response), response.latency());
    }
}
