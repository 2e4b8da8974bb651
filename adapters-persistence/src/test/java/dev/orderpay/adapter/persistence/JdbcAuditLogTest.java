package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.audit.AuditFilter;
import dev.orderpay.application.port.out.access.ApiKeyStore;
import dev.orderpay.application.port.out.audit.AuditLog;
import dev.orderpay.application.port.out.audit.AuditLogContract;
import dev.orderpay.application.port.out.webhook.ConcurrentWebhookEndpointUpdateException;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyGenerator;
import dev.orderpay.domain.access.ApiKeyId;
import dev.orderpay.domain.access.PlainApiKey;
import dev.orderpay.domain.access.Scope;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAuditLogTest extends AuditLogContract implements TestPropertyProvider {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final ApiKeyGenerator GENERATOR = new ApiKeyGenerator(new SecureRandom());

    @Inject
    WebhookStorage webhookStorage;

    @Inject
    AuditRowRepository auditRows;

    @Inject
    ApiKeyRowRepository apiKeyRows;

    @Inject
    AuditLog auditLog;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    ApiKeyStore apiKeys;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected Storage emptyStorage() {
        auditRows.deleteAll();
        return new Storage(webhookStorage.emptied().orders(), auditLog);
    }

    @Test
    void given_an_endpoint_update_from_a_stale_copy_when_refused_then_its_audit_entry_is_not_stored_either() {
        emptyStorage();
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint().build();
        endpoints.addWithinLimit(endpoint, 10, Optional.of(entry(AuditAction.WEBHOOK_ENDPOINT_CREATED, endpoint)));
        WebhookEndpoint first = endpoints.findById(endpoint.id()).orElseThrow();
        WebhookEndpoint stale = endpoints.findById(endpoint.id()).orElseThrow();
        endpoints.update(first, Optional.of(entry(AuditAction.WEBHOOK_ENDPOINT_UPDATED, endpoint)));

        assertThatThrownBy(() -> endpoints.update(stale,
                Optional.of(entry(AuditAction.WEBHOOK_ENDPOINT_SECRET_ROTATED, endpoint))))
                .isInstanceOf(ConcurrentWebhookEndpointUpdateException.class);
        endpoints.delete(endpoint.id(), Optional.of(entry(AuditAction.WEBHOOK_ENDPOINT_DELETED, endpoint)));
        boolean deletedAgain = endpoints.delete(endpoint.id(),
                Optional.of(entry(AuditAction.WEBHOOK_ENDPOINT_DELETED, endpoint)));

        assertThat(deletedAgain).isFalse();
        assertThat(auditLog.findNewestFirst(AuditFilter.NONE, Optional.empty(), 10)).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.WEBHOOK_ENDPOINT_CREATED, AuditAction.WEBHOOK_ENDPOINT_UPDATED,
                        AuditAction.WEBHOOK_ENDPOINT_DELETED);
    }

    @Test
    void given_a_key_added_and_revoked_twice_then_the_add_and_the_one_revocation_that_changed_it_are_audited() {
        emptyStorage();
        apiKeyRows.deleteAll();
        PlainApiKey plain = GENERATOR.next();
        ApiKey key = ApiKey.issue(ApiKeyId.newId(), "audited", plain, Set.of(Scope.ORDERS_READ), NOW);

        apiKeys.add(key, plain.digest(), Optional.of(AuditEntry.of(TestActors.CLIENT, AuditAction.API_KEY_CREATED,
                key.id(), NOW)));
        apiKeys.revoke(key.id(), NOW, true, Optional.of(AuditEntry.of(TestActors.CLIENT,
                AuditAction.API_KEY_REVOKED, key.id(), NOW.plusSeconds(1))));
        apiKeys.revoke(key.id(), NOW, true, Optional.of(AuditEntry.of(TestActors.CLIENT,
                AuditAction.API_KEY_REVOKED, key.id(), NOW.plusSeconds(2))));

        assertThat(auditLog.findNewestFirst(AuditLogContract.byTarget(key.id().toString()), Optional.empty(), 10))
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.API_KEY_REVOKED, AuditAction.API_KEY_CREATED);
    }

    private static AuditEntry entry(AuditAction action, WebhookEndpoint endpoint) {
        return AuditEntry.of(TestActors.CLIENT, action, endpoint.id(), NOW);
    }
}
