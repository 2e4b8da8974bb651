package dev.orderpay.application.service;

import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.TestOrders;

import java.net.URI;
import java.time.Instant;

/** Orders whose checkout the fake provider really opened, so that it can answer when asked about the checkout. */
final class CheckoutsAtTheFake {

    private CheckoutsAtTheFake() {
    }

    static Order withCheckoutOpened(FakePaymentGateway gateway, TestOrders order, Instant expiresAt) {
        Order draft = order.build();
        PaymentSession session = gateway.openCheckout(new CheckoutRequest(draft.id(), draft.amount(),
                URI.create("https://shop.example.test/orders/" + draft.id() + "/return"),
                URI.create("https://shop.example.test/orders/" + draft.id() + "/notify"), expiresAt));
        return order.withSession(session).build();
    }
}
