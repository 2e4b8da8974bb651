package dev.orderpay.adapter.rest.security;

import dev.orderpay.domain.access.Scope;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredScopesTest {

    @Test
    void every_scope_a_route_can_require_is_a_scope_keys_can_hold_and_every_scope_is_required_somewhere() {
        Object[] required = Arrays.stream(RequiredScopes.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .filter(field -> !field.getName().equals("MISSING_SCOPE_ATTRIBUTE"))
                .map(RequiredScopesTest::value)
                .toArray();

        assertThat(required).containsExactlyInAnyOrder(Scope.all().stream().map(Scope::wireName).toArray());
    }

    private static Object value(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
