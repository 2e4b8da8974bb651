package dev.orderpay.application.port.out.audit;

import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;

class InMemoryAuditLogTest extends AuditLogContract {

    @Override
    protected Storage emptyStorage() {
        InMemoryAuditLog auditLog = new InMemoryAuditLog();
        return new Storage(new InMemoryOrderRepository(
                new InMemoryWebhookDeliveries(new InMemoryWebhookEndpoints()), auditLog), auditLog);
    }
}
