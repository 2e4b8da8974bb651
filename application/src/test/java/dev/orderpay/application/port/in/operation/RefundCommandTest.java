package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.audit.TestActors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundCommandTest {

    private final OrderId id = OrderId.newId();

    @Test
    void given_an_amount_and_a_reason_then_both_are_kept() {
        RefundCommand command = new RefundCommand(id, Optional.of(10_00L), Optional.of("damaged"), TestActors.CLIENT);

        assertThat(command.amount()).contains(10_00L);
        assertThat(command.reason()).contains("damaged");
    }

    @Test
    void given_neither_amount_nor_reason_then_the_command_refunds_all_without_a_reason() {
        RefundCommand command = new RefundCommand(id, Optional.empty(), Optional.empty(), TestActors.CLIENT);

        assertThat(command.amount()).isEmpty();
        assertThat(command.reason()).isEmpty();
    }

    @Test
    void given_a_reason_of_the_longest_length_allowed_then_it_is_kept() {
        String longest = "r".repeat(RefundCommand.MAX_REASON_LENGTH);

        assertThat(new RefundCommand(id, Optional.empty(), Optional.of(longest),
                TestActors.CLIENT).reason()).contains(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void given_a_blank_reason_then_the_reason_is_reported(String reason) {
        assertReasonReported(reason);
    }

    @Test
    void given_a_reason_that_is_too_long_then_the_reason_is_reported() {
        assertReasonReported("r".repeat(RefundCommand.MAX_REASON_LENGTH + 1));
    }

    @Test
    void given_a_reason_of_the_longest_length_in_emoji_then_it_is_kept_as_characters_not_utf16_units() {
        String longest = "\uD83D\uDCE6".repeat(RefundCommand.MAX_REASON_LENGTH);

        assertThat(new RefundCommand(id, Optional.empty(), Optional.of(longest),
                TestActors.CLIENT).reason()).contains(longest);
    }

    @Test
    void given_a_reason_with_a_lone_surrogate_then_the_reason_is_reported() {
        assertReasonReported("broken \uD83D text");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 100_000_000_001L})
    void given_an_amount_of_nothing_or_less_or_too_much_then_the_amount_is_reported(long minorUnits) {
        assertThatThrownBy(() -> new RefundCommand(id, Optional.of(minorUnits), Optional.empty(), TestActors.CLIENT))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("amount"));
        assertThatThrownBy(() -> new CaptureCommand(id, Optional.of(minorUnits), TestActors.CLIENT))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("amount"));
    }

    @Test
    void given_a_missing_part_then_the_command_cannot_be_made() {
        assertThatThrownBy(() -> new RefundCommand(null, Optional.empty(), Optional.empty(), TestActors.CLIENT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RefundCommand(id, null, Optional.empty(), TestActors.CLIENT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RefundCommand(id, Optional.empty(), null, TestActors.CLIENT))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void given_a_capture_without_order_or_optional_amount_then_it_cannot_be_made() {
        assertThatThrownBy(() -> new CaptureCommand(null, Optional.empty(),
                TestActors.CLIENT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CaptureCommand(id, null,
                TestActors.CLIENT)).isInstanceOf(NullPointerException.class);
    }

    private void assertReasonReported(String reason) {
        assertThatThrownBy(() -> new RefundCommand(id, Optional.empty(), Optional.of(reason), TestActors.CLIENT))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("reason"));
    }
}
