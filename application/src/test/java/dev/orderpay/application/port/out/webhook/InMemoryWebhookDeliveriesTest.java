package dev.orderpay.application.port.out.webhook;

import dev.orderpay.application.port.out.InMemoryOrderRepository;

class InMemoryWebhookDeliveriesTest extends WebhookDeliveriesContract {

    @Override
    protected Storage emptyStorage() {
        InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
        InMemoryWebhookDeliveries deliveries = new InMemoryWebhookDeliveries(endpoints);
        InMemoryOrderRepository orders = new InMemoryOrderRepository(deliveries);
        return new Storage(orders, orders, endpoints, deliveries);
    }
}
