package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;

import java.util.List;

/** How an endpoint's event types are named to merchants: wire names, and {@value #ALL} for every type. */
public final class WebhookEventTypes {

    /** Every type, including types added later; on its own in the list. */
    public static final String ALL = "*";

    private WebhookEventTypes() {
    }

    public static List<String> names(EventSelection events) {
        if (events.isAll()) {
            return List.of(ALL);
        }
        return events.chosen().stream().map(EventType::wireName).toList();
    }
}
