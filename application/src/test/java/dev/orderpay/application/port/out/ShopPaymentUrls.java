package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderId;

import java.net.URI;

/** The return and notification addresses of a shop at shop.example.test, for use-case tests. */
public final class ShopPaymentUrls implements PaymentUrls {

    @Override
    public URI returnUrl(OrderId orderId) {
        return URI.create("https://shop.example.test/orders/" + orderId + "/return");
    }

    @Override
    public URI notificationUrl(OrderId orderId) {
        return URI.create("https://shop.example.test/orders/" + orderId + "/notify");
    }
}
