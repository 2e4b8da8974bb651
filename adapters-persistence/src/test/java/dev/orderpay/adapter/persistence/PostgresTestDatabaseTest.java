package dev.orderpay.adapter.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresTestDatabaseTest {

    @Test
    void given_a_server_url_when_pointed_at_another_database_then_host_port_and_parameters_are_kept() {
        String url = PostgresTestDatabase.withDatabase(
                "jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable&ApplicationName=ci", "orderpay_test_1");

        assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:5432/orderpay_test_1?sslmode=disable&ApplicationName=ci");
    }

    @Test
    void given_a_server_url_without_a_database_when_pointed_at_one_then_it_is_added() {
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db.ci:6543", "orderpay_test_1"))
                .isEqualTo("jdbc:postgresql://db.ci:6543/orderpay_test_1");
    }

    @Test
    void given_a_url_for_another_database_product_when_used_then_it_is_refused() {
        assertThatThrownBy(() -> PostgresTestDatabase.withDatabase("jdbc:mysql://127.0.0.1/x", "orderpay_test_1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
