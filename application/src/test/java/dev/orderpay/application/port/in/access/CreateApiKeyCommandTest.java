package dev.orderpay.application.port.in.access;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.access.Scope;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

class CreateApiKeyCommandTest {

    @Test
    void given_a_name_and_known_scopes_then_the_name_is_trimmed_and_a_repeated_scope_counts_once() {
        CreateApiKeyCommand command = CreateApiKeyCommand.of("  reporting ", List.of("orders:read", "metrics:read",
                "orders:read"));

        assertThat(command.name()).isEqualTo("reporting");
        assertThat(command.scopes()).containsExactly(Scope.ORDERS_READ, Scope.METRICS_READ);
    }

    @Test
    void given_every_field_wrong_then_each_is_named() {
        assertThatThrownBy(() -> CreateApiKeyCommand.of(" ", Arrays.asList("orders:read", "orders:*", null)))
                .isInstanceOf(InvalidCommandException.class)
                .extracting(thrown -> ((InvalidCommandException) thrown).fieldErrors(), MAP)
                .containsOnlyKeys("name", "scopes[1]", "scopes[2]");
    }

    @Test
    void given_no_scopes_or_a_name_too_long_or_with_a_line_break_then_they_are_refused() {
        assertThatThrownBy(() -> CreateApiKeyCommand.of("x".repeat(101), List.of()))
                .extracting(thrown -> ((InvalidCommandException) thrown).fieldErrors(), MAP)
                .containsOnlyKeys("name", "scopes");
        assertThatThrownBy(() -> CreateApiKeyCommand.of("two\nlines", null))
                .extracting(thrown -> ((InvalidCommandException) thrown).fieldErrors(), MAP)
                .containsOnlyKeys("name", "scopes");
    }
}
