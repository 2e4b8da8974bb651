package dev.orderpay.application.service;

import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.ShopPaymentUrls;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.TestOrders;

import java.time.Instant;

/** Orders whose checkout the fake provider really opened, so that it can answer when asked about the checkout. */
final class CheckoutsAtTheFake {

    private static final ShopPaymentUrls URLS = new ShopPaymentUrls();

    private CheckoutsAtTheFake() {
    }

    static Order withCheckoutOpened(FakePaymentGateway gateway, TestOrders order, Instant expiresAt) {
        Order draft = order.build();
        PaymentSession session = gateway.openCheckout(new CheckoutRequest(draft.id(), draft.amount(),
                URLS.returnUrl(draft.id()), URLS.notificationUrl(draft.id()), expiresAt, draft.contents()));
        return order.withSession(session).build();
    }
}
