package dev.orderpay.bootstrap;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.out.ForwardingOrderRepository;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.StatusChange;
import dev.orderpay.domain.audit.AuditEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts the status changes an order's update stores ({@code orderpay_status_transitions}), once they are stored:
 * every change goes through {@link OrderRepository#update}, and a stale update stores none.
 */
final class StatusTransitionCounting extends ForwardingOrderRepository {

    static final String TRANSITIONS = "orderpay.status.transitions";

    private final MeterRegistry registry;

    StatusTransitionCounting(OrderRepository orders, MeterRegistry registry) {
        super(orders);
        this.registry = registry;
    }

    @Override
    public Order update(Order order, List<Event> events, Optional<AuditEntry> audit) {
        // Read before the update: the stored copy has none left to commit.
        List<StatusChange> changes = order.uncommittedChanges();
        Order stored = delegate.update(order, events, audit);
        changes.forEach(change -> Counter.builder(TRANSITIONS)
                .description("Orders' status changes, by the status left, the status reached and what brought it about")
                .tags("from", change.from().name(), "to", change.to().name(),
                        "source", change.provenance().source().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment());
        return stored;
    }
}
