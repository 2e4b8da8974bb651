package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.PlainText;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookUrl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an endpoint's fields as a merchant sends them, putting what is wrong with each into {@code errors} under
 * the field's name ({@code url}, {@code event_types[1]}), so that a command reports every bad field at once.
 */
final class WebhookEndpointInput {

    static final String URL = "url";
    static final String EVENT_TYPES = "event_types";
    static final String DESCRIPTION = "description";

    private WebhookEndpointInput() {
    }

    /**
     * An absolute URL with a host. Whether webhooks may go there (scheme, address) is the sender's rule, which the
     * use case applies: an inbound port cannot speak of an outbound one.
     */
    static URI url(Map<String, String> errors, String text) {
        try {
            return WebhookUrl.parse(URL, text);
        } catch (InvalidValueException invalid) {
            errors.put(invalid.subject(), invalid.reason());
            return null;
        }
    }

    /** Every type for {@code ["*"]}; otherwise the types named, each by its wire name. */
    static EventSelection eventTypes(Map<String, String> errors, List<String> names) {
        if (names.isEmpty()) {
            errors.put(EVENT_TYPES, "must name at least one event type, or be [\"" + WebhookEventTypes.ALL
                    + "\"] or left out for every type");
            return null;
        }
        if (names.contains(WebhookEventTypes.ALL)) {
            if (names.size() > 1) {
                errors.put(EVENT_TYPES, "\"" + WebhookEventTypes.ALL + "\" stands for every type and stands alone");
                return null;
            }
            return EventSelection.all();
        }
        List<EventType> types = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            String field = EVENT_TYPES + "[" + index + "]";
            Optional<EventType> type = name == null ? Optional.empty() : EventType.fromWireName(name);
            if (type.isEmpty()) {
                errors.put(field, "is not an event type");
            } else if (!type.get().isSubscribable()) {
                errors.put(field, name + " cannot be subscribed to");
            } else {
                types.add(type.get());
            }
        }
        return types.size() == names.size() ? EventSelection.only(types) : null;
    }

    /** Optional text; the empty string for none. */
    static Optional<String> description(Map<String, String> errors, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PlainText.require(DESCRIPTION, text, WebhookEndpoint.MAX_DESCRIPTION_LENGTH));
        } catch (InvalidValueException invalid) {
            errors.put(DESCRIPTION, invalid.reason());
            return Optional.empty();
        }
    }
}
