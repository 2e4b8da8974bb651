package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.OrderStatus;
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
