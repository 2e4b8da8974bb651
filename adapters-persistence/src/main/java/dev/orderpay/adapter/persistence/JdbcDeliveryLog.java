package dev.orderpay.adapter.persistence;

import dev.orderpay.application.port.out.DeliveryLog;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Handled notification deliveries in PostgreSQL, shared by every instance of the service. */
@Singleton
class JdbcDeliveryLog implements DeliveryLog {

    private final DeliveryRowRepository deliveries;

    JdbcDeliveryLog(DeliveryRowRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public boolean contains(String deliveryId) {
        return deliveries.existsById(deliveryId);
    }

    @Override
    public void record(String deliveryId) {
        deliveries.insertIfAbsent(deliveryId);
    }

    @Override
    public int forgetHandledBefore(Instant cutoff, int limit) {
        return deliveries.deleteReceivedBefore(cutoff, limit);
    }
}
