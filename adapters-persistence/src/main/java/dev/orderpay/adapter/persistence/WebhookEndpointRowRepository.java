package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

// Orders' callbacks share the table (V9): every statement here is about the merchant's endpoints alone, those
// without an order_id.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookEndpointRowRepository extends CrudRepository<WebhookEndpointRow, UUID> {

    @Query("SELECT * FROM webhook_endpoints WHERE id = :id AND order_id IS NULL")
    Optional<WebhookEndpointRow> findEndpointById(UUID id);

    @Query("SELECT count(*) FROM webhook_endpoints WHERE order_id IS NULL")
    long countEndpoints();

    @Query("SELECT * FROM webhook_endpoints WHERE order_id IS NULL ORDER BY created_at, id")
    List<WebhookEndpointRow> findOldestFirst();

    // An endpoint is enabled exactly when it has no disabled_reason (webhook_endpoints_disabled_complete).
    @Query("""
            SELECT * FROM webhook_endpoints
            WHERE order_id IS NULL AND disabled_reason IS NULL AND (all_event_types OR :eventType = ANY (event_types))
            ORDER BY created_at, id""")
    List<WebhookEndpointRow> findEnabledSubscribedTo(String eventType);

    // One statement, as WebhookEndpoint.disable would do it: only an enabled endpoint, keeping a first reason. The
    // version moves on, so a copy loaded before cannot enable it again unseen.
    @Query("""
            UPDATE webhook_endpoints
            SET disabled_reason = :reason, disabled_at = :at, version = version + 1
            WHERE id = :id AND order_id IS NULL AND disabled_reason IS NULL""")
    int disableIfEnabled(UUID id, String reason, Instant at);

    @Query("DELETE FROM webhook_endpoints WHERE id = :id AND order_id IS NULL")
    int removeById(UUID id);
}
