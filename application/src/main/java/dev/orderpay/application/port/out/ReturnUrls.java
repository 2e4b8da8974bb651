package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderId;

import java.net.URI;

/** Where the provider sends the buyer back to: a route of this service, so the inbound HTTP adapter knows it. */
public interface ReturnUrls {

    URI returnUrl(OrderId orderId);
}
