package dev.orderpay.application.port.in.order;

import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.webhook.CallbackUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateOrderCommandTest {

    @Test
    void given_valid_input_then_the_command_carries_the_money_and_receipt() {
        CreateOrderCommand command = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE);

        assertThat(command.amount()).isEqualTo(Money.of(299_00, "NOK"));
        assertThat(command.receipt()).isEqualTo(new Receipt("receipt#1"));
    }

    @Test
    void given_a_callback_url_then_the_command_carries_it_and_without_one_none() {
        CreateOrderCommand command = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", "https://shop.example/cb", OrderContentsInput.NONE);

        assertThat(command.callbackUrl()).contains(CallbackUrl.parse("https://shop.example/cb"));
        assertThat(CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE).callbackUrl()).isEmpty();
    }

    @Test
    void given_a_callback_url_that_is_no_absolute_url_then_it_is_reported_with_the_other_bad_fields() {
        assertThatThrownBy(() -> CreateOrderCommand.of(0L, "NOK", "receipt#1", "/callback", OrderContentsInput.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("amount", "callback_url"));
    }

    @Test
    void given_every_field_bad_then_every_field_is_reported_at_once_by_name() {
        assertThatThrownBy(() -> CreateOrderCommand.of(null, "nok", " ", null, OrderContentsInput.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("amount", "currency", "receipt"));
    }

    @Test
    void given_nothing_at_all_then_every_field_is_reported() {
        assertThatThrownBy(() -> CreateOrderCommand.of(null, null, null, null, OrderContentsInput.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("amount", "currency", "receipt"));
    }

    @Test
    void given_no_amount_then_only_the_amount_is_reported_as_required() {
        assertThatThrownBy(() -> CreateOrderCommand.of(null, "NOK", "receipt#1", null, OrderContentsInput.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsExactly(entry("amount", "is required")));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -100, Money.MAX_MINOR_UNITS + 1})
    void given_an_amount_out_of_range_then_only_the_amount_is_reported(long amount) {
        assertOnlyFieldReported(amount, "NOK", "receipt#1", "amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nok", "XYZ", "XXX"})
    void given_a_currency_one_cannot_pay_in_then_only_the_currency_is_reported(String currency) {
        assertOnlyFieldReported(299_00L, currency, "receipt#1", "currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "line\nbreak"})
    void given_a_bad_receipt_then_only_the_receipt_is_reported(String receipt) {
        assertOnlyFieldReported(299_00L, "NOK", receipt, "receipt");
    }

    @Test
    void given_a_receipt_that_is_too_long_then_the_reason_says_how_long_it_may_be() {
        assertThatThrownBy(() -> CreateOrderCommand.of(299_00L, "NOK", "r".repeat(Receipt.MAX_LENGTH + 1), null, OrderContentsInput.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors().get("receipt")).contains("255"));
    }

    @Test
    void given_missing_parts_then_the_command_cannot_be_built_directly() {
        assertThatThrownBy(() -> new CreateOrderCommand(null, new Receipt("r"), Optional.empty(), OrderContents.NONE, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CreateOrderCommand(Money.of(1, "NOK"), null, Optional.empty(), OrderContents.NONE, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
    }

    private static void assertOnlyFieldReported(Long amount, String currency, String receipt, String field) {
        assertThatThrownBy(() -> CreateOrderCommand.of(amount, currency, receipt, null, OrderContentsInput.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys(field))
                .hasMessageContaining(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nok", "XXX"})
    void given_a_bad_amount_and_a_bad_currency_then_both_are_reported(String currency) {
        assertThatThrownBy(() -> CreateOrderCommand.of(0L, currency, "receipt#1", null, OrderContentsInput.NONE))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("amount", "currency"));
    }
}
