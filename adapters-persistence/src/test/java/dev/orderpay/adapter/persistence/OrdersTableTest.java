package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PendingOperation;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema Flyway created when the context started, probed with plain JDBC: the database itself refuses rows the
 * domain would never produce.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersTableTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void given_the_migrated_table_when_a_row_has_any_domain_status_then_it_is_stored(OrderStatus status)
            throws SQLException {
        assertThat(insert(status.name(), 100, null, null)).isEqualTo(1);
    }

    @Test
    void given_the_migrated_table_when_a_row_has_an_unknown_status_then_the_database_refuses_it() {
        assertRefusedBy("orders_status_check", () -> insert("SHIPPED", 100, null, null));
    }

    @Test
    void given_the_migrated_table_when_a_row_has_no_positive_amount_then_the_database_refuses_it() {
        assertRefusedBy("orders_amount_minor_check", () -> insert("PENDING", 0, null, null));
    }

    @Test
    void given_the_migrated_table_when_a_session_has_an_id_but_no_link_then_the_database_refuses_it() {
        assertRefusedBy("orders_session_complete", () -> insert("PENDING", 100, "S-1", null));
    }

    @Test
    void given_the_migrated_table_when_amounts_stay_within_each_other_then_the_row_is_stored() throws SQLException {
        assertThat(insertPayment(100, 100, 100)).isEqualTo(1);
        assertThat(insertPayment(100, 40, 0)).isEqualTo(1);
    }

    @Test
    void given_the_migrated_table_when_more_is_captured_than_ordered_then_the_database_refuses_it() {
        assertRefusedBy("orders_amounts_in_order", () -> insertPayment(100, 101, 0));
    }

    @Test
    void given_the_migrated_table_when_more_is_refunded_than_captured_then_the_database_refuses_it() {
        assertRefusedBy("orders_amounts_in_order", () -> insertPayment(100, 40, 41));
        assertRefusedBy("orders_amounts_in_order", () -> insertPayment(100, 0, -1));
    }

    @ParameterizedTest
    @EnumSource(PendingOperation.Type.class)
    void given_the_migrated_table_when_a_row_has_any_domain_operation_pending_then_it_is_stored(
            PendingOperation.Type operation) throws SQLException {
        assertThat(insertPending(operation.name(), 0L, 0L, Timestamp.from(Instant.now()))).isEqualTo(1);
    }

    @Test
    void given_the_migrated_table_when_a_pending_operation_is_unknown_then_the_database_refuses_it() {
        assertRefusedBy("orders_pending_operation_check",
                () -> insertPending("CHARGEBACK", 10L, 0L, Timestamp.from(Instant.now())));
    }

    @Test
    void given_the_migrated_table_when_a_pending_operation_is_known_only_in_part_then_the_database_refuses_it() {
        assertRefusedBy("orders_pending_operation_complete",
                () -> insertPending("CAPTURE", 10L, 0L, null));
        assertRefusedBy("orders_pending_operation_complete",
                () -> insertPending(null, 10L, 0L, Timestamp.from(Instant.now())));
    }

    @Test
    void given_the_migrated_table_when_a_pending_amount_is_negative_then_the_database_refuses_it() {
        assertRefusedBy("orders_pending_amount_minor_check",
                () -> insertPending("REFUND", -1L, 0L, Timestamp.from(Instant.now())));
    }

    private static int insertPayment(long amountMinor, long capturedMinor, long refundedMinor) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO orders (id, amount_minor, currency, receipt, status, payment_id, captured_minor,
                                         refunded_minor, created_at, updated_at, version)
                     VALUES (?, ?, 'NOK', 'receipt#1', 'CAPTURED', 'payment-1', ?, ?, ?, ?, 0)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setLong(2, amountMinor);
            insert.setLong(3, capturedMinor);
            insert.setLong(4, refundedMinor);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            return insert.executeUpdate();
        }
    }

    private static int insertPending(String operation, Long amountMinor, Long baselineMinor, Timestamp startedAt)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO orders (id, amount_minor, currency, receipt, status, payment_id, pending_operation,
                                         pending_amount_minor, pending_baseline_minor, pending_started_at,
                                         created_at, updated_at, version)
                     VALUES (?, 100, 'NOK', 'receipt#1', 'AUTHORIZED', 'payment-1', ?, ?, ?, ?, ?, ?, 0)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, operation);
            insert.setObject(3, amountMinor, Types.BIGINT);
            insert.setObject(4, baselineMinor, Types.BIGINT);
            insert.setTimestamp(5, startedAt);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            return insert.executeUpdate();
        }
    }

    private static int insert(String status, long amountMinor, String sessionId, String sessionUrl)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO orders (id, amount_minor, currency, receipt, status, session_id, session_url,
                                         created_at, updated_at, version)
                     VALUES (?, ?, 'NOK', 'receipt#1', ?, ?, ?, ?, ?, 0)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setLong(2, amountMinor);
            insert.setString(3, status);
            insert.setString(4, sessionId);
            insert.setString(5, sessionUrl);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
            return insert.executeUpdate();
        }
    }

    private static void assertRefusedBy(String constraint, ThrowingCallable insert) {
        assertThatThrownBy(insert)
                .isInstanceOfSatisfying(PSQLException.class, refused -> {
                    assertThat(refused.getSQLState()).isEqualTo(PSQLState.CHECK_VIOLATION.getState());
                    assertThat(refused.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
                });
    }
}
