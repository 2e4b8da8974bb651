package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.domain.Order;

/** The in-memory repository, which can be told to lose every update to a concurrent writer, as under contention. */
class RacingOrderRepository extends InMemoryOrderRepository {

    private volatile boolean losing;

    void loseEveryUpdate(boolean lose) {
        losing = lose;
    }

    @Override
    public synchronized Order update(Order order) {
        if (losing) {
            throw new ConcurrentOrderUpdateException(order.id());
        }
        return super.update(order);
    }
}
