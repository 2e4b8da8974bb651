package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.ChangeSource;
import dev.orderpay.domain.OrderStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history table Flyway created when the context started, probed with plain JDBC: it takes every status and
 * source the domain has, and refuses anything else.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderStatusHistoryTableTest implements TestPropertyProvider {

    private final UUID order = UUID.randomUUID();

    @Override
    public Map<String, String> getProperties() {
        return PostgresTestDatabase.datasourceProperties();
    }

    @BeforeAll
    void addAnOrder() throws SQLException {
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO orders (id, amount_minor, currency, receipt, status, created_at, updated_at, version)
                     VALUES (?, 100, 'NOK', 'receipt#1', 'PENDING', now(), now(), 0)""")) {
            insert.setObject(1, order);
            insert.executeUpdate();
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void given_the_migrated_table_when_a_change_leaves_or_enters_any_domain_status_then_it_is_stored(
            OrderStatus status) throws SQLException {
        assertThat(insert(order, status.name(), "PENDING", "API")).isEqualTo(1);
        assertThat(insert(order, "PENDING", status.name(), "API")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ChangeSource.class)
    void given_the_migrated_table_when_a_change_has_any_domain_source_then_it_is_stored(ChangeSource source)
            throws SQLException {
        assertThat(insert(order, "PENDING", "AUTHORIZED", source.name())).isEqualTo(1);
    }

    @Test
    void given_the_migrated_table_when_a_change_has_an_unknown_status_then_the_database_refuses_it() {
        assertRefusedBy("order_status_history_from_status_check", () -> insert(order, "SHIPPED", "PENDING", "API"));
        assertRefusedBy("order_status_history_to_status_check", () -> insert(order, "PENDING", "SHIPPED", "API"));
    }

    @Test
    void given_the_migrated_table_when_a_change_has_an_unknown_source_then_the_database_refuses_it() {
        assertRefusedBy("order_status_history_source_check", () -> insert(order, "PENDING", "AUTHORIZED", "EMAIL"));
    }

    @Test
    void given_the_migrated_table_when_a_change_belongs_to_no_order_then_the_database_refuses_it() {
        assertThatThrownBy(() -> insert(UUID.randomUUID(), "PENDING", "AUTHORIZED", "API"))
                .isInstanceOfSatisfying(PSQLException.class, refused -> assertThat(refused.getSQLState())
                        .isEqualTo(PSQLState.FOREIGN_KEY_VIOLATION.getState()));
    }

    private static int insert(UUID orderId, String from, String to, String source) throws SQLException {
        try (Connection connection = PostgresTestDatabase.openConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO order_status_history (order_id, from_status, to_status, source, occurred_at)
                     VALUES (?, ?, ?, ?, ?)""")) {
            insert.setObject(1, orderId);
            insert.setString(2, from);
            insert.setString(3, to);
            insert.setString(4, source);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
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
