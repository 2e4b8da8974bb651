package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderRowRepository extends CrudRepository<OrderRow, UUID> {

    @Query("SELECT * FROM orders ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<OrderRow> findFirstPage(int limit);

    // A row comparison rather than "created_at < ? OR (created_at = ? AND id < ?)": same meaning, and
    // PostgreSQL walks the (created_at DESC, id DESC) index straight from the cursor.
    @Query("""
            SELECT * FROM orders
            WHERE (created_at, id) < (:createdAt, :id)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<OrderRow> findPageAfter(Instant createdAt, UUID id, int limit);
}
