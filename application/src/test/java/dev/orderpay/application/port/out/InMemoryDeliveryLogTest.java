package dev.orderpay.application.port.out;

class InMemoryDeliveryLogTest extends DeliveryLogContract {

    @Override
    protected DeliveryLog emptyLog() {
        return new InMemoryDeliveryLog();
    }
}
