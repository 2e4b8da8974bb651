package dev.orderpay.adapter.persistence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderLineRowRepository extends GenericRepository<OrderLineRow, UUID> {

    // All of an order's lines in one statement, a column an array, whatever their number. Quantities and VAT rates
    // travel as text so no decimal goes through a floating-point type on the way.
    @Query("""
            INSERT INTO order_lines (order_id, position, line_id, description, quantity, amount_minor, vat,
                                     vat_amount_minor, sku)
            SELECT :orderId, line.position - 1, line.line_id, line.description, CAST(line.quantity AS numeric),
                   line.amount_minor, CAST(line.vat AS numeric), line.vat_amount_minor, line.sku
            FROM unnest(CAST(:lineIds AS text[]), CAST(:descriptions AS text[]), CAST(:quantities AS text[]),
                        CAST(:amounts AS bigint[]), CAST(:vats AS text[]), CAST(:vatAmounts AS bigint[]),
                        CAST(:skus AS text[]))
                 WITH ORDINALITY AS line (line_id, description, quantity, amount_minor, vat, vat_amount_minor, sku,
                                          position)""")
    void insert(UUID orderId, @TypeDef(type = DataType.STRING_ARRAY) String[] lineIds,
                @TypeDef(type = DataType.STRING_ARRAY) String[] descriptions,
                @TypeDef(type = DataType.STRING_ARRAY) String[] quantities,
                @TypeDef(type = DataType.LONG_ARRAY) Long[] amounts,
                @TypeDef(type = DataType.STRING_ARRAY) String[] vats,
                @TypeDef(type = DataType.LONG_ARRAY) Long[] vatAmounts,
                @TypeDef(type = DataType.STRING_ARRAY) String[] skus);

    // With each line its order's version in the same statement's snapshot, so the reader can tell whether the lines
    // are those of the row it read before (JdbcOrderRepository.withLines).
    @Query("""
            SELECT line.order_id, line.position, line.line_id, line.description, line.quantity, line.amount_minor,
                   line.vat, line.vat_amount_minor, line.sku, line.captured_quantity, line.captured_minor,
                   line.captured_vat_minor, line.refunded_quantity, line.refunded_minor, line.refunded_vat_minor,
                   orders.version AS order_version
            FROM order_lines line JOIN orders ON orders.id = line.order_id
            WHERE line.order_id IN (:orderIds) ORDER BY line.order_id, line.position""")
    List<OrderLineRow> findByOrders(Collection<UUID> orderIds);

    // The lines an update moved, in one statement, each to what it now holds in all (not by a difference, so that
    // writing the same state twice changes nothing); the order's version check has already passed in the same
    // transaction.
    @Query("""
            UPDATE order_lines
            SET captured_quantity = CAST(line.captured_quantity AS numeric), captured_minor = line.captured_minor,
                captured_vat_minor = line.captured_vat_minor,
                refunded_quantity = CAST(line.refunded_quantity AS numeric), refunded_minor = line.refunded_minor,
                refunded_vat_minor = line.refunded_vat_minor
            FROM unnest(CAST(:lineIds AS text[]), CAST(:capturedQuantities AS text[]),
                        CAST(:capturedAmounts AS bigint[]), CAST(:capturedVatAmounts AS bigint[]),
                        CAST(:refundedQuantities AS text[]), CAST(:refundedAmounts AS bigint[]),
                        CAST(:refundedVatAmounts AS bigint[]))
                 AS line (line_id, captured_quantity, captured_minor, captured_vat_minor, refunded_quantity,
                          refunded_minor, refunded_vat_minor)
            WHERE order_lines.order_id = :orderId AND order_lines.line_id = line.line_id""")
    void updateMoved(UUID orderId, @TypeDef(type = DataType.STRING_ARRAY) String[] lineIds,
                     @TypeDef(type = DataType.STRING_ARRAY) String[] capturedQuantities,
                     @TypeDef(type = DataType.LONG_ARRAY) Long[] capturedAmounts,
                     @TypeDef(type = DataType.LONG_ARRAY) Long[] capturedVatAmounts,
                     @TypeDef(type = DataType.STRING_ARRAY) String[] refundedQuantities,
                     @TypeDef(type = DataType.LONG_ARRAY) Long[] refundedAmounts,
                     @TypeDef(type = DataType.LONG_ARRAY) Long[] refundedVatAmounts);
}
