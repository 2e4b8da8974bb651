package dev.orderpay.domain.access;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeTest {

    @ParameterizedTest
    @EnumSource(Scope.class)
    void given_a_scope_then_its_wire_name_reads_back_as_it(Scope scope) {
        assertThat(Scope.fromWireName(scope.wireName())).contains(scope);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORDERS:READ", "orders_read", "orders:*", ""})
    void given_a_name_that_is_no_scope_then_none_is_found(String name) {
        assertThat(Scope.fromWireName(name)).isEmpty();
    }
}
