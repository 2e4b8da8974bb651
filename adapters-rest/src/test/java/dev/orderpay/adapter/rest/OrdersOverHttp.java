package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import jakarta.inject.Singleton;

/** Orders brought to a status through the API, as a merchant and a buyer would, and read back from the store. */
@Singleton
class OrdersOverHttp {

    private final Api api;
    private final RacingOrderRepository orders;
    private final RecordingPaymentGateway gateway;

    OrdersOverHttp(Api api, RacingOrderRepository orders, RecordingPaymentGateway gateway) {
        this.api = api;
        this.orders = orders;
        this.gateway = gateway;
    }

    Order pending() {
        String id = (String) api.createOrder(29900, "NOK", "over http").json().get("id");
        return stored(OrderId.parse(id));
    }

    /** Authorized as a buyer would: the checkout is paid, and the return confirms it with the provider. */
    Order authorized() {
        Order order = pending();
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        api.get("/orders/" + order.id() + "/redirect?payment_id=" + paymentId);
        return stored(order.id());
    }

    /**
     * Authorized, with two lines: 3 units of "a" for 100.00 NOK (VAT 20.00) and 1 of "b" for 50.00 NOK (VAT 10.00).
     */
    Order authorizedWithLines() {
        String id = (String) api.postJson("/orders", """
                {"currency": "NOK", "receipt": "lines over http", "items": [
                 {"line_id": "a", "description": "Socks", "quantity": 3, "amount": 10000, "vat": 25,
                  "vat_amount": 2000},
                 {"line_id": "b", "description": "Cap", "quantity": 1, "amount": 5000, "vat": 25,
                  "vat_amount": 1000}]}
                """).json().get("id");
        Order order = stored(OrderId.parse(id));
        PaymentId paymentId = gateway.paymentFor(order, OrderStatus.AUTHORIZED);
        api.get("/orders/" + order.id() + "/redirect?payment_id=" + paymentId);
        return stored(order.id());
    }

    Order stored(Order order) {
        return stored(order.id());
    }

    Order stored(OrderId id) {
        return orders.findById(id).orElseThrow();
    }

    static String path(Order order, String operation) {
        return "/orders/" + order.id() + "/" + operation;
    }
}
