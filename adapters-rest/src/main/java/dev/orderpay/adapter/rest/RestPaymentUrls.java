package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.domain.OrderId;
import jakarta.inject.Singleton;

import java.net.URI;

/** The buyer comes back to, and the provider notifies, this service's own routes under its public address. */
@Singleton
class RestPaymentUrls implements PaymentUrls {

    private final PublicBaseUrl publicBaseUrl;

    RestPaymentUrls(PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public URI returnUrl(OrderId orderId) {
        return publicBaseUrl.resolve(OrderPaths.returnFromCheckout(orderId));
    }

    @Override
    public URI notificationUrl(OrderId orderId) {
        return publicBaseUrl.resolve(OrderPaths.notification(orderId));
    }
}
