package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.webhook.EventSelection;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A new endpoint: where to post, which event types, and the merchant's own words for it. */
public record CreateWebhookEndpointCommand(URI url, EventSelection events, Optional<String> description) {

    public CreateWebhookEndpointCommand {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Builds the command from raw input, reporting every bad field at once.
     *
     * @param eventTypes wire names, or {@code ["*"]}; null for every type
     * @param description null or empty for none
     */
    public static CreateWebhookEndpointCommand of(String url, List<String> eventTypes, String description) {
        Map<String, String> errors = new LinkedHashMap<>();
        URI validUrl = WebhookEndpointInput.url(errors, url);
        EventSelection events = eventTypes == null
                ? EventSelection.all() : WebhookEndpointInput.eventTypes(errors, eventTypes);
        Optional<String> validDescription = WebhookEndpointInput.description(errors, description);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return new CreateWebhookEndpointCommand(validUrl, events, validDescription);
    }
}
