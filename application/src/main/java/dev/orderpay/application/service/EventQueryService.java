package dev.orderpay.application.service;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.event.Event;
import dev.orderpay.application.port.in.event.EventDelivery;
import dev.orderpay.application.port.in.event.EventCursor;
import dev.orderpay.application.port.in.event.EventNotFoundException;
import dev.orderpay.application.port.in.event.EventPage;
import dev.orderpay.application.port.in.event.ListEventsQuery;
import dev.orderpay.application.port.in.event.ReadEventsUseCase;
import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventId;

import java.util.List;
import java.util.Optional;

public final class EventQueryService implements ReadEventsUseCase {

    private final EventLog events;
    private final OrderRepository orders;
    private final WebhookDeliveries deliveries;

    EventQueryService(EventLog events, OrderRepository orders, WebhookDeliveries deliveries) {
        this.events = events;
        this.orders = orders;
        this.deliveries = deliveries;
    }

    @Override
    public EventPage listEvents(ListEventsQuery query) {
        // One more than asked tells whether another page exists without counting the table.
        List<Event> found = events.findNewestFirst(query.filter(), query.after(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new EventPage(found, Optional.empty());
        }
        List<Event> page = found.subList(0, query.limit());
        return new EventPage(page, Optional.of(EventCursor.after(page.get(page.size() - 1))));
    }

    @Override
    public Event getEvent(EventId id) {
        return events.findById(id).orElseThrow(() -> new EventNotFoundException(id));
    }

    @Override
    public List<EventDelivery> eventDeliveries(EventId id) {
        return deliveries.findByEvent(id);
    }

    @Override
    public List<Event> orderEvents(OrderId orderId) {
        if (orders.findById(orderId).isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
        return events.findByOrder(orderId);
    }
}
