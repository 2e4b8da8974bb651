package dev.orderpay.application.port.out.webhook;

class InMemoryWebhookDeliveriesTest extends WebhookDeliveriesContract {

    @Override
    protected Storage emptyStorage() {
        return Storage.inMemory();
    }
}
