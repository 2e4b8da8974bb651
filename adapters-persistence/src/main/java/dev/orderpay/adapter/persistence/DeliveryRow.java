package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A handled notification delivery; the table stamps when it was received. */
@MappedEntity("notification_deliveries")
record DeliveryRow(@Id String deliveryId) {
}
