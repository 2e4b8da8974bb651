package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.idempotency.Fingerprint;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A new endpoint: where to post, which event types, and the merchant's own words for it.
 *
 * @param actor          who asks, for the audit log
 * @param idempotencyKey the client's key for this request, if it sent one
 */
public record CreateWebhookEndpointCommand(URI url, EventSelection events, Optional<String> description, Actor actor,
                                           Optional<IdempotencyKey> idempotencyKey) {

    public CreateWebhookEndpointCommand {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public CreateWebhookEndpointCommand withIdempotencyKey(IdempotencyKey key) {
        return new CreateWebhookEndpointCommand(url, events, description, actor, Optional.of(key));
    }

    /**
     * A digest of what is asked for (not who asks). The types are sorted, so the same set in another order is the
     * same request; a description cannot hold a line break, so it is safe last on its line.
     */
    public String fingerprint() {
        String types = events.isAll() ? "*"
                : events.chosen().stream().map(EventType::wireName).sorted().collect(Collectors.joining(","));
        return Fingerprint.of("url " + url + "\nevent_types " + types + "\ndescription "
                + description.map(text -> "=" + text).orElse(""));
    }

    /**
     * Builds the command from raw input, reporting every bad field at once.
     *
     * @param eventTypes wire names, or {@code ["*"]}; null for every type
     * @param description null or empty for none
     */
    public static CreateWebhookEndpointCommand of(String url, List<String> eventTypes, String description,
                                                  Actor actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        URI validUrl = WebhookEndpointInput.url(errors, url);
        EventSelection events = eventTypes == null
                ? EventSelection.all() : WebhookEndpointInput.eventTypes(errors, eventTypes);
        Optional<String> validDescription = WebhookEndpointInput.description(errors, description);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new CreateWebhookEndpointCommand(validUrl, events, validDescription, actor, Optional.empty());
    }
}
