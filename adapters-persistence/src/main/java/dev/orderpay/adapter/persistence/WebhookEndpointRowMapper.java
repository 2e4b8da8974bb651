package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;
import dev.orderpay.domain.webhook.PreviousSecret;
import dev.orderpay.domain.webhook.SigningSecret;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.net.URI;
import java.util.Arrays;

/**
 * Flattens a webhook endpoint into its row and back. Event types are stored by their wire names, the names merchants
 * subscribe with, which stay stable whatever the enum's constants are called.
 */
final class WebhookEndpointRowMapper {

    private WebhookEndpointRowMapper() {
    }

    static WebhookEndpointRow toRow(WebhookEndpoint endpoint, long version) {
        EventSelection events = endpoint.events();
        WebhookEndpoint.Disabled disabled = endpoint.disabled().orElse(null);
        PreviousSecret previous = endpoint.previousSecret().orElse(null);
        return new WebhookEndpointRow(
                endpoint.id().value(),
                endpoint.url().toString(),
                events.isAll(),
                events.isAll() ? null : events.chosen().stream().map(EventType::wireName).toArray(String[]::new),
                endpoint.description().orElse(null),
                disabled == null ? null : disabled.reason(),
                disabled == null ? null : disabled.since(),
                endpoint.secret().value(),
                previous == null ? null : previous.secret().value(),
                previous == null ? null : previous.signsUntil(),
                endpoint.createdAt(),
                version);
    }

    static WebhookEndpoint toEndpoint(WebhookEndpointRow row) {
        // The table's constraints keep each group's columns set or null together, so one check covers each.
        EventSelection events = row.allEventTypes()
                ? EventSelection.all()
                : EventSelection.only(Arrays.stream(row.eventTypes())
                        .map(WebhookEndpointRowMapper::eventType)
                        .toList());
        WebhookEndpoint.Disabled disabled = row.disabledReason() == null
                ? null : new WebhookEndpoint.Disabled(row.disabledReason(), row.disabledAt());
        PreviousSecret previous = row.previousSecret() == null
                ? null : new PreviousSecret(new SigningSecret(row.previousSecret()), row.previousSecretExpiresAt());
        return WebhookEndpoint.rehydrate(new WebhookEndpointId(row.id()), URI.create(row.url()), events,
                row.description(), row.createdAt(), disabled, new SigningSecret(row.secret()), previous,
                row.version());
    }

    private static EventType eventType(String wireName) {
        return EventType.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("a webhook endpoint subscribes to an unknown event type "
                        + wireName + ": was the service downgraded?"));
    }
}
