package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeliveryRowRepository extends CrudRepository<DeliveryRow, String> {

    // ON CONFLICT: two instances recording the same retried delivery at once both succeed.
    @Query("INSERT INTO notification_deliveries (delivery_id) VALUES (:deliveryId) ON CONFLICT DO NOTHING")
    void insertIfAbsent(String deliveryId);
}
