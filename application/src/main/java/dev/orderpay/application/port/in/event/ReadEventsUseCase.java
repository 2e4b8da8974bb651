package dev.orderpay.application.port.in.event;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.event.EventId;

import java.util.List;

/** What merchants were told, for one that missed a webhook or wants to check. */
public interface ReadEventsUseCase {

    /** Newest first. */
    EventPage listEvents(ListEventsQuery query);

    /** @throws EventNotFoundException if there is no such event (or it was removed after its retention) */
    Event getEvent(EventId id);

    /** The event's webhook deliveries with their attempts, oldest first; none when it went to no endpoint. */
    List<EventDelivery> eventDeliveries(EventId id);

    /**
     * The order's events in sequence order.
     *
     * @throws OrderNotFoundException if there is no such order
     */
    List<Event> orderEvents(OrderId orderId);
}
