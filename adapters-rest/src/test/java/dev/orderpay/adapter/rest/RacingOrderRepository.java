package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.audit.InMemoryAuditLog;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.audit.AuditEntry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory repository, which can be told to lose every update to a concurrent writer, as under contention,
 * and counts how often an order is read.
 */
class RacingOrderRepository extends InMemoryOrderRepository {

    private volatile boolean losing;
    private final AtomicInteger reads = new AtomicInteger();

    /**
     * Its events are delivered to the endpoints {@code deliveries} keeps deliveries for; the audit entries saved
     * with its changes go to {@code auditLog}.
     */
    RacingOrderRepository(InMemoryWebhookDeliveries deliveries, InMemoryAuditLog auditLog) {
        super(deliveries, auditLog);
    }

    int reads() {
        return reads.get();
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        reads.incrementAndGet();
        return super.findById(id);
    }

    void loseEveryUpdate(boolean lose) {
        losing = lose;
    }

    @Override
    public synchronized Order update(Order order, List<Event> events, Optional<AuditEntry> audit) {
        if (losing) {
            throw new ConcurrentOrderUpdateException(order.id());
        }
        return super.update(order, events, audit);
    }
}
