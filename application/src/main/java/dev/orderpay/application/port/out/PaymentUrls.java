package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderId;

import java.net.URI;

/**
 * The routes of this service a provider is given for an order: where it sends the buyer back, and where it
 * notifies the service server-to-server. The inbound HTTP adapter owns those routes, so it implements this.
 */
public interface PaymentUrls {

    URI returnUrl(OrderId orderId);

    URI notificationUrl(OrderId orderId);
}
