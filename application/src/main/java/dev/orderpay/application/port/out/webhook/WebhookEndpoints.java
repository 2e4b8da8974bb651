package dev.orderpay.application.port.out.webhook;

import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where webhook endpoints are kept, secrets included (they must sign, so they are stored as they are). Each call is
 * atomic on its own and never held open across a webhook call. An order's callback URL is no endpoint: storage may
 * keep it beside them to deliver to it, but no method here finds, counts, changes, disables or deletes it.
 */
public interface WebhookEndpoints {

    /**
     * Stores a new endpoint, at version 0, unless {@code limit} endpoints are stored already, with the audit entry of
     * the request that asked, in one transaction. Concurrent calls never get past the limit together.
     *
     * @return whether it was stored
     */
    boolean addWithinLimit(WebhookEndpoint endpoint, int limit, Optional<AuditEntry> audit);

    /** {@link #addWithinLimit(WebhookEndpoint, int, Optional)} with nothing to audit. */
    default boolean addWithinLimit(WebhookEndpoint endpoint, int limit) {
        return addWithinLimit(endpoint, limit, Optional.empty());
    }

    Optional<WebhookEndpoint> findById(WebhookEndpointId id);

    /** Every endpoint, oldest first. */
    List<WebhookEndpoint> findAll();

    /** The enabled endpoints that subscribe to {@code type}, oldest first: where an event of that type goes. */
    List<WebhookEndpoint> findEnabledSubscribedTo(EventType type);

    /**
     * Stores the endpoint as it now is, provided nobody changed it since it was loaded, with the audit entry of the
     * request that changed it, in one transaction.
     *
     * @return the endpoint as stored, with its new version
     * @throws ConcurrentWebhookEndpointUpdateException if the stored endpoint has moved on since this copy was
     *                                                  loaded, or is not stored (any more)
     */
    WebhookEndpoint update(WebhookEndpoint endpoint, Optional<AuditEntry> audit);

    /** {@link #update(WebhookEndpoint, Optional)} with nothing to audit. */
    default WebhookEndpoint update(WebhookEndpoint endpoint) {
        return update(endpoint, Optional.empty());
    }

    /**
     * Disables an enabled endpoint, as {@link WebhookEndpoint#disable} would, in one step: for the delivery engine,
     * which has no copy of the endpoint to update. A copy loaded before is stale afterwards.
     *
     * @return whether it was enabled until now; false also for an unknown endpoint
     */
    boolean disable(WebhookEndpointId id, String reason, Instant at);

    /**
     * Deletes the endpoint and, when there was one, stores the audit entry of the request that asked, in one
     * transaction.
     *
     * @return whether there was such an endpoint
     */
    boolean delete(WebhookEndpointId id, Optional<AuditEntry> audit);

    /** {@link #delete(WebhookEndpointId, Optional)} with nothing to audit. */
    default boolean delete(WebhookEndpointId id) {
        return delete(id, Optional.empty());
    }
}
