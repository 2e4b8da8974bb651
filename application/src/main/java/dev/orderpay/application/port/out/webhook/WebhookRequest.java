package dev.orderpay.application.port.out.webhook;

import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.SigningSecret;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One webhook call: the event's JSON {@code body} posted to {@code url}, signed with every secret in force (more than
 * one while a secret is being rotated), so the receiver can check it came from this service.
 *
 * @param eventId the event's id, which lets receivers recognise a repeated delivery
 */
public record WebhookRequest(URI url, String eventId, EventType eventType, String body, List<SigningSecret> secrets) {

    public WebhookRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(body, "body");
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook is always signed");
        }
    }
}
