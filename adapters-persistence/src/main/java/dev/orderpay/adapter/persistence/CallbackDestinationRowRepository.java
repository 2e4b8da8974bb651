package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CallbackDestinationRowRepository extends GenericRepository<CallbackDestinationRow, UUID> {

    // Every type, enabled, never disabled or changed: the order's callback receives all of its events. No secret: it
    // signs with the service-wide one.
    @Query("""
            INSERT INTO webhook_endpoints (id, url, all_event_types, order_id, created_at, version)
            VALUES (:id, :url, true, :orderId, :createdAt, 0)""")
    void insert(UUID id, UUID orderId, String url, Instant createdAt);

    // Which of these destinations are orders' callbacks, and where they go.
    List<CallbackDestinationRow> findByIdInAndOrderIdIsNotNull(Collection<UUID> id);

    Optional<CallbackDestinationRow> findByOrderId(UUID orderId);
}
