package dev.orderpay.application.port.out.webhook;

import java.net.URI;
import java.util.Optional;

/**
 * Which URLs may receive webhooks. A webhook must never become a way into the merchant's own network, so in
 * production only {@code https} URLs whose host resolves to public addresses only are allowed; the adapter that
 * sends webhooks owns the rules, since it checks the address again when it connects.
 */
public interface WebhookDestinations {

    /** Why webhooks may not go to {@code url} (for a 400 naming the field), or empty when they may. */
    Optional<String> refusal(URI url);
}
