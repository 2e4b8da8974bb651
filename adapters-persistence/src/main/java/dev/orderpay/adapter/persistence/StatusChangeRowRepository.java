package dev.orderpay.adapter.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StatusChangeRowRepository extends CrudRepository<StatusChangeRow, Long> {

    List<StatusChangeRow> findByOrderIdOrderById(UUID orderId);
}
