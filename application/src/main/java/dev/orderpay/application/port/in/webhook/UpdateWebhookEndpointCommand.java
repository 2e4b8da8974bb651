package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.audit.Actor;
import dev.orderpay.domain.webhook.EventSelection;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to an endpoint; each empty member leaves its part as it is.
 *
 * @param enabled     true enables the endpoint (and forgets why it was disabled), false disables it
 * @param description the new description; present but empty removes it
 * @param actor       who asks, for the audit log
 */
public record UpdateWebhookEndpointCommand(WebhookEndpointId id, Optional<Boolean> enabled,
                                           Optional<EventSelection> events, Optional<String> description,
                                           Optional<URI> url, Actor actor) {

    public UpdateWebhookEndpointCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * Builds the command from raw input (null for a field not sent), reporting every bad field at once.
     *
     * @param description the empty string removes the description
     */
    public static UpdateWebhookEndpointCommand of(WebhookEndpointId id, Boolean enabled, List<String> eventTypes,
                                                  String description, String url, Actor actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<EventSelection> events = Optional.ofNullable(eventTypes)
                .map(names -> WebhookEndpointInput.eventTypes(errors, names));
        Optional<String> newDescription = Optional.ofNullable(description)
                .map(text -> WebhookEndpointInput.description(errors, text).orElse(""));
        Optional<URI> newUrl = Optional.ofNullable(url).map(text -> WebhookEndpointInput.url(errors, text));
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new UpdateWebhookEndpointCommand(id, Optional.ofNullable(enabled), events, newDescription, newUrl,
                actor);
    }
}
