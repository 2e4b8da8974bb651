package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventFilter;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events in PostgreSQL, read back and forgotten after their retention; {@link JdbcOrderRepository} writes them with
 * the changes they report.
 */
@Singleton
class JdbcEventLog implements EventLog {

    private final EventRowRepository rows;

    JdbcEventLog(EventRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public List<Event> findNewestFirst(EventFilter filter, Optional<EventCursor> after, int limit) {
        return rows.findAll(EventCriteria.newestFirst(filter, after, limit)).stream()
                .map(EventRowMapper::toEvent)
                .toList();
    }

    @Override
    public Optional<Event> findById(EventId id) {
        return rows.findById(id.value()).map(EventRowMapper::toEvent);
    }

    @Override
    public List<Event> findByOrder(OrderId orderId) {
        return rows.findByOrderIdOrderBySequence(orderId.value()).stream().map(EventRowMapper::toEvent).toList();
    }

    @Override
    public int forgetBefore(Instant cutoff, int limit) {
        return rows.deleteCreatedBefore(cutoff, limit);
    }
}
