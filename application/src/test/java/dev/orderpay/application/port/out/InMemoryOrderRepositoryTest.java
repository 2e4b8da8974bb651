package dev.orderpay.application.port.out;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    @Override
    protected OrderRepository emptyRepository() {
        return new InMemoryOrderRepository();
    }
}
