package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.webhook.ConcurrentWebhookEndpointUpdateException;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook endpoints in PostgreSQL, shared by every instance of the service. Orders' callback destinations share their
 * table (so the delivery engine can treat both alike) but are none of them: no method here reads, counts or changes
 * one.
 */
@Singleton
class JdbcWebhookEndpoints implements WebhookEndpoints {

    private final WebhookEndpointRowRepository rows;
    private final AuditRowRepository audit;
    private final TransactionOperations<Connection> transactions;

    JdbcWebhookEndpoints(WebhookEndpointRowRepository rows, AuditRowRepository audit,
                         TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public boolean addWithinLimit(WebhookEndpoint endpoint, int limit, Optional<AuditEntry> entry) {
        WebhookEndpointRow row = WebhookEndpointRowMapper.toRow(endpoint, 0);
        return transactions.executeWrite(transaction -> {
            // Two creations counting side by side would both see room for one more.
            TableLocks.lockAgainstOtherWriters(transaction.getConnection(), "webhook_endpoints");
            if (rows.countEndpoints() >= limit) {
                return false;
            }
            rows.save(row);
            entry.ifPresent(this::record);
            return true;
        });
    }

    @Override
    public Optional<WebhookEndpoint> findById(WebhookEndpointId id) {
        return rows.findEndpointById(id.value()).map(WebhookEndpointRowMapper::toEndpoint);
    }

    @Override
    public List<WebhookEndpoint> findAll() {
        return rows.findOldestFirst().stream().map(WebhookEndpointRowMapper::toEndpoint).toList();
    }

    @Override
    public List<WebhookEndpoint> findEnabledSubscribedTo(EventType type) {
        // An endpoint for every type is not one for the test event, which the query alone would not know.
        if (!type.isSubscribable()) {
            return List.of();
        }
        return rows.findEnabledSubscribedTo(type.wireName()).stream()
                .map(WebhookEndpointRowMapper::toEndpoint)
                .toList();
    }

    @Override
    public WebhookEndpoint update(WebhookEndpoint endpoint, Optional<AuditEntry> entry) {
        WebhookEndpointRow row = WebhookEndpointRowMapper.toRow(endpoint, endpoint.version());
        try {
            // Micronaut Data adds "AND version = ?" and bumps it, failing when no row matched; the audit entry is
            // written after it, in its transaction, so a lost update leaves none.
            return WebhookEndpointRowMapper.toEndpoint(transactions.executeWrite(transaction -> {
                WebhookEndpointRow updated = rows.update(row);
                entry.ifPresent(this::record);
                return updated;
            }));
        } catch (OptimisticLockException staleVersion) {
            throw new ConcurrentWebhookEndpointUpdateException(endpoint.id(), staleVersion);
        }
    }

    @Override
    public boolean disable(WebhookEndpointId id, String reason, Instant at) {
        // Checked as the domain checks it, before anything is written.
        new WebhookEndpoint.Disabled(reason, at);
        return rows.disableIfEnabled(id.value(), reason, at) == 1;
    }

    @Override
    public boolean delete(WebhookEndpointId id, Optional<AuditEntry> entry) {
        return transactions.executeWrite(transaction -> {
            boolean deleted = rows.removeById(id.value()) == 1;
            if (deleted) {
                entry.ifPresent(this::record);
            }
            return deleted;
        });
    }

    private void record(AuditEntry entry) {
        audit.save(AuditRowMapper.toRow(entry));
    }
}
