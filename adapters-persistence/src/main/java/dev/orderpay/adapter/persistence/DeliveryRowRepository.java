package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeliveryRowRepository extends CrudRepository<DeliveryRow, String> {

    // ON CONFLICT: two instances recording the same retried delivery at once both succeed.
    @Query("INSERT INTO notification_deliveries (delivery_id) VALUES (:deliveryId) ON CONFLICT DO NOTHING")
    void insertIfAbsent(String deliveryId);

    // Batched, like the deletion of idempotency keys, so a large backlog never holds many row locks at once.
    @Query("""
            DELETE FROM notification_deliveries WHERE ctid IN (
                SELECT ctid FROM notification_deliveries WHERE received_at < :cutoff LIMIT :limit)""")
    int deleteReceivedBefore(Instant cutoff, int limit);
}
