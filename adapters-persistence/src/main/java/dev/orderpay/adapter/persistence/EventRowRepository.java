package dev.orderpay.adapter.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.util.List;
import java.util.UUID;

// JpaSpecificationExecutor runs the listing EventCriteria builds, as for orders.
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EventRowRepository extends CrudRepository<EventRow, UUID>, JpaSpecificationExecutor<EventRow> {

    List<EventRow> findByOrderIdOrderBySequence(UUID orderId);

    List<EventRow> findByIdIn(List<UUID> ids);
}
