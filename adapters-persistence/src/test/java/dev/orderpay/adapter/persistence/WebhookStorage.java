package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.OrderRepository;
import dev.orderpay.application.port.out.event.EventLog;
import dev.orderpay.application.port.out.webhook.WebhookDeliveries;
import dev.orderpay.application.port.out.webhook.WebhookDeliveriesContract.Storage;
import dev.orderpay.application.port.out.webhook.WebhookEndpoints;
import jakarta.inject.Singleton;

/** The tables behind webhooks (orders, their events, endpoints, deliveries), emptied for a contract test. */
@Singleton
class WebhookStorage {

    private final Storage ports;
    private final OrderRowRepository orderRows;
    private final StatusChangeRowRepository historyRows;
    private final EventRowRepository eventRows;
    private final WebhookEndpointRowRepository endpointRows;

    WebhookStorage(OrderRepository orders, EventLog events, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
                   OrderRowRepository orderRows, StatusChangeRowRepository historyRows, EventRowRepository eventRows,
                   WebhookEndpointRowRepository endpointRows) {
        this.ports = new Storage(orders, events, endpoints, deliveries);
        this.orderRows = orderRows;
        this.historyRows = historyRows;
        this.eventRows = eventRows;
        this.endpointRows = endpointRows;
    }

    Storage emptied() {
        // Deliveries and their attempts go with the events and endpoints they belong to.
        eventRows.deleteAll();
        endpointRows.deleteAll();
        historyRows.deleteAll();
        orderRows.deleteAll();
        return ports;
    }
}
