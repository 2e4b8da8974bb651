package dev.orderpay.application.port.out.event;

import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.Storage;

/** The in-memory {@link EventLog}: {@code InMemoryOrderRepository}, over in-memory deliveries. */
class InMemoryEventLogTest extends EventLogContract {

    @Override
    protected Storage emptyStorage() {
        return Storage.inMemory();
    }
}
