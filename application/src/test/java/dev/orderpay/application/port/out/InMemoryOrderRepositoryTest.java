package dev.orderpay.application.port.out;

import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    private InMemoryOrderRepository repository;
    private InMemoryWebhookDeliveries deliveries;

    @Override
    protected OrderRepository emptyRepository() {
        deliveries = new InMemoryWebhookDeliveries(new InMemoryWebhookEndpoints());
        repository = new InMemoryOrderRepository(deliveries);
        return repository;
    }

    @Override
    protected EventLog events() {
        return repository;
    }

    @Override
    protected WebhookEndpoints endpoints() {
        return deliveries.endpoints();
    }

    @Override
    protected WebhookDeliveries deliveries() {
        return deliveries;
    }
}
