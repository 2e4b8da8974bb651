package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.domain.OrderId;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;

/** The buyer comes back to, and the provider notifies, this service's own routes under its public address. */
@Singleton
class RestPaymentUrls implements PaymentUrls {

    private final String publicUrl;

    RestPaymentUrls(@Value("${orderpay.public-url}") String publicUrl) {
        URI base = URI.create(publicUrl);
        if (!base.isAbsolute()) {
            throw new IllegalArgumentException("orderpay.public-url must be an absolute URL, was " + publicUrl);
        }
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public URI returnUrl(OrderId orderId) {
        return URI.create(publicUrl + OrderPaths.returnFromCheckout(orderId));
    }

    @Override
    public URI notificationUrl(OrderId orderId) {
        return URI.create(publicUrl + OrderPaths.notification(orderId));
    }
}
