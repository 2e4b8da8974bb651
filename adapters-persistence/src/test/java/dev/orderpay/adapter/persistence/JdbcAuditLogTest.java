package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.audit.AuditLog;
import dev.orderpay.application.port.out.audit.AuditLogContract;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

// Not transactional: each call must commit on its own, as it does in the application.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAuditLogTest extends AuditLogContract implements TestPropertyProvider {

    @Inject
    WebhookStorage webhookStorage;

    @Inject
    AuditRowRepository auditRows;

    @Inject
    AuditLog auditLog;

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @Override
    protected Storage emptyStorage() {
        auditRows.deleteAll();
        return new Storage(webhookStorage.emptied().orders(), auditLog);
    }
}
