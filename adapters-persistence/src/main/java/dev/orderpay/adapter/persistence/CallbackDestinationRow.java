package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.util.UUID;

/**
 * An order's callback URL as a destination of its own in {@code webhook_endpoints} (V9): the row its deliveries point
 * at, so the delivery engine treats it like an endpoint. Its own shape of the row, since it has none of an
 * endpoint's secret, types or description; the endpoints' queries never read it.
 */
@MappedEntity("webhook_endpoints")
record CallbackDestinationRow(
        @Id @MappedProperty("id") UUID id,
        @MappedProperty("order_id") UUID orderId,
        @MappedProperty("url") String url) {
}
