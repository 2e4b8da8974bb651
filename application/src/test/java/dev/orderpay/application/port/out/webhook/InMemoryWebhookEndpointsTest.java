package dev.orderpay.application.port.out.webhook;

class InMemoryWebhookEndpointsTest extends WebhookEndpointsContract {

    @Override
    protected WebhookEndpoints emptyEndpoints() {
        return new InMemoryWebhookEndpoints();
    }
}
