package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiptTest {

    @Test
    void given_an_ordinary_reference_then_it_is_kept_exactly_as_given() {
        Receipt receipt = new Receipt(" ordre #1 – æøå ");

        assertThat(receipt.value()).isEqualTo(" ordre #1 – æøå ");
        assertThat(receipt).hasToString(" ordre #1 – æøå ");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\u2003"})
    void given_nothing_to_read_then_the_receipt_is_refused_as_blank(String value) {
        assertRefused(value, "must not be blank");
    }

    @Test
    void given_the_maximum_length_then_the_receipt_is_kept() {
        String longest = "r".repeat(Receipt.MAX_LENGTH);

        assertThat(new Receipt(longest).value()).hasSize(255);
    }

    @Test
    void given_one_character_more_than_the_maximum_then_the_receipt_is_refused() {
        assertRefused("r".repeat(Receipt.MAX_LENGTH + 1), "must be at most 255 characters");
    }

    @Test
    void given_the_maximum_length_in_emoji_then_the_receipt_is_kept_because_characters_are_code_points() {
        String longest = "\uD83D\uDE00".repeat(Receipt.MAX_LENGTH);

        assertThat(new Receipt(longest).value()).isEqualTo(longest);
    }

    @Test
    void given_one_emoji_more_than_the_maximum_then_the_receipt_is_refused() {
        assertRefused("\uD83D\uDE00".repeat(Receipt.MAX_LENGTH + 1), "must be at most 255 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone high \uD83D surrogate", "lone low \uDE00 surrogate", "ends high \uD83D",
            "\uDE00\uD83D swapped"})
    void given_text_that_is_not_valid_unicode_then_the_receipt_is_refused(String value) {
        assertRefused(value, "must be valid Unicode text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak", "carriage\rreturn", "tab\there", "nul\u0000byte", "del\u007f", "c1\u0085next"})
    void given_a_control_character_then_the_receipt_is_refused(String value) {
        assertRefused(value, "must not contain control characters");
    }

    private static void assertRefused(String value, String reason) {
        assertThatThrownBy(() -> new Receipt(value))
                .isInstanceOfSatisfying(InvalidValueException.class, invalid -> {
                    assertThat(invalid.subject()).isEqualTo("receipt");
                    assertThat(invalid.reason()).isEqualTo(reason);
                });
    }
}
