package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link WebhookEndpoints} in a map, for use-case tests. It keeps copies, checks versions like the real one, records
 * the audit entries of its changes in its {@link InMemoryAuditLog} (the deliveries' redeliveries too), and passes
 * {@link WebhookEndpointsContract}.
 */
public class InMemoryWebhookEndpoints implements WebhookEndpoints {

    // Ties on time are broken by the id's text, which sorts like PostgreSQL's uuid.
    private static final Comparator<WebhookEndpoint> OLDEST_FIRST = Comparator.comparing(WebhookEndpoint::createdAt)
            .thenComparing(endpoint -> endpoint.id().toString());

    private final Map<WebhookEndpointId, WebhookEndpoint> stored = new LinkedHashMap<>();
    private final InMemoryAuditLog auditLog;

    public InMemoryWebhookEndpoints() {
        this(new InMemoryAuditLog());
    }

    public InMemoryWebhookEndpoints(InMemoryAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Where the audit entries of changes to these endpoints, and of redeliveries to them, are recorded. */
    public InMemoryAuditLog auditLog() {
        return auditLog;
    }

    @Override
    public synchronized boolean addWithinLimit(WebhookEndpoint endpoint, int limit, Optional<AuditEntry> audit) {
        if (stored.containsKey(endpoint.id())) {
            throw new IllegalStateException("webhook endpoint " + endpoint.id() + " exists already");
        }
        if (stored.size() >= limit) {
            return false;
        }
        stored.put(endpoint.id(), copy(endpoint, 0));
        audit.ifPresent(auditLog::record);
        return true;
    }

    /** Final, so that a test's subclass changes the one method every addition goes through. */
    @Override
    public final boolean addWithinLimit(WebhookEndpoint endpoint, int limit) {
        return addWithinLimit(endpoint, limit, Optional.empty());
    }

    @Override
    public synchronized Optional<WebhookEndpoint> findById(WebhookEndpointId id) {
        return Optional.ofNullable(stored.get(id)).map(endpoint -> copy(endpoint, endpoint.version()));
    }

    @Override
    public synchronized List<WebhookEndpoint> findAll() {
        return stored.values().stream().sorted(OLDEST_FIRST)
                .map(endpoint -> copy(endpoint, endpoint.version()))
                .toList();
    }

    @Override
    public synchronized List<WebhookEndpoint> findEnabledSubscribedTo(EventType type) {
        return findAll().stream().filter(WebhookEndpoint::enabled).filter(endpoint -> endpoint.subscribesTo(type))
                .toList();
    }

    @Override
    public synchronized WebhookEndpoint update(WebhookEndpoint endpoint, Optional<AuditEntry> audit) {
        WebhookEndpoint current = stored.get(endpoint.id());
        if (current == null || current.version() != endpoint.version()) {
            throw new ConcurrentWebhookEndpointUpdateException(endpoint.id());
        }
        WebhookEndpoint saved = copy(endpoint, endpoint.version() + 1);
        stored.put(endpoint.id(), saved);
        audit.ifPresent(auditLog::record);
        return copy(saved, saved.version());
    }

    /** Final, so that a test's subclass changes the one method every update goes through. */
    @Override
    public final WebhookEndpoint update(WebhookEndpoint endpoint) {
        return update(endpoint, Optional.empty());
    }

    @Override
    public synchronized boolean disable(WebhookEndpointId id, String reason, Instant at) {
        WebhookEndpoint current = stored.get(id);
        if (current == null) {
            return false;
        }
        WebhookEndpoint changed = copy(current, current.version() + 1);
        if (!changed.disable(reason, at)) {
            return false;
        }
        stored.put(id, changed);
        return true;
    }

    @Override
    public synchronized boolean delete(WebhookEndpointId id, Optional<AuditEntry> audit) {
        if (stored.remove(id) == null) {
            return false;
        }
        audit.ifPresent(auditLog::record);
        return true;
    }

    /** Final, so that a test's subclass changes the one method every deletion goes through. */
    @Override
    public final boolean delete(WebhookEndpointId id) {
        return delete(id, Optional.empty());
    }

    private static WebhookEndpoint copy(WebhookEndpoint endpoint, long version) {
        return WebhookEndpoint.rehydrate(endpoint.id(), endpoint.url(), endpoint.events(),
                endpoint.description().orElse(null), endpoint.createdAt(), endpoint.disabled().orElse(null),
                endpoint.secret(), endpoint.previousSecret().orElse(null), version);
    }
}
