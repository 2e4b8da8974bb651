package dev.orderpay.application.port.out;

import dev.orderpay.application.port.out.event.EventLog;

class InMemoryOrderRepositoryTest extends OrderRepositoryContract {

    private InMemoryOrderRepository repository;

    @Override
    protected OrderRepository emptyRepository() {
        repository = new InMemoryOrderRepository();
        return repository;
    }

    @Override
    protected EventLog events() {
        return repository;
    }
}
