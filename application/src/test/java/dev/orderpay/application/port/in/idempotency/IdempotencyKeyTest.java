package dev.orderpay.application.port.in.idempotency;

import dev.orderpay.application.port.in.order.OrderContentsInput;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.order.CreateOrderCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyKeyTest {

    @Test
    void given_a_client_and_a_printable_key_then_both_are_kept() {
        IdempotencyKey key = new IdempotencyKey("client-1", "8e03978e-40d5-43e8-bc93-6894a57f9324");

        assertThat(key.clientId()).isEqualTo("client-1");
        assertThat(key.key()).isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void given_a_key_of_the_longest_length_allowed_then_it_is_kept() {
        String longest = "k".repeat(IdempotencyKey.MAX_LENGTH);

        assertThat(new IdempotencyKey("client-1", longest).key()).isEqualTo(longest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "line\nbreak", "nul\u0000"})
    void given_a_blank_key_or_one_with_control_characters_then_the_header_is_reported(String key) {
        assertKeyReported(key);
    }

    @Test
    void given_a_key_that_is_too_long_then_the_header_is_reported() {
        assertKeyReported("k".repeat(IdempotencyKey.MAX_LENGTH + 1));
    }

    @Test
    void given_no_key_then_the_header_is_reported() {
        assertKeyReported(null);
    }

    @Test
    void given_no_client_then_no_key_can_be_made() {
        assertThatThrownBy(() -> new IdempotencyKey(null, "key-1")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void given_a_command_with_a_key_then_the_key_does_not_change_what_is_asked_for() {
        CreateOrderCommand plain = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE);
        CreateOrderCommand keyed = plain.withIdempotencyKey(new IdempotencyKey("client-1", "key-1"));

        assertThat(plain.idempotencyKey()).isEmpty();
        assertThat(keyed.idempotencyKey()).contains(new IdempotencyKey("client-1", "key-1"));
        assertThat(keyed.fingerprint()).isEqualTo(plain.fingerprint());
        assertThat(keyed.amount()).isEqualTo(plain.amount());
        assertThat(keyed.receipt()).isEqualTo(plain.receipt());
    }

    @Test
    void given_requests_that_differ_in_amount_currency_or_receipt_then_their_fingerprints_differ() {
        String fingerprint = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE).fingerprint();

        assertThat(CreateOrderCommand.of(299_01L, "NOK", "receipt#1", null, OrderContentsInput.NONE).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(CreateOrderCommand.of(299_00L, "SEK", "receipt#1", null, OrderContentsInput.NONE).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(CreateOrderCommand.of(299_00L, "NOK", "receipt#2", null, OrderContentsInput.NONE).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE).fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void given_requests_that_differ_in_their_callback_url_then_their_fingerprints_differ() {
        String fingerprint = CreateOrderCommand.of(299_00L, "NOK", "receipt#1", "https://shop.example/a", OrderContentsInput.NONE).fingerprint();

        assertThat(CreateOrderCommand.of(299_00L, "NOK", "receipt#1", "https://shop.example/b", OrderContentsInput.NONE).fingerprint())
                .isNotEqualTo(fingerprint);
        assertThat(CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(CreateOrderCommand.of(299_00L, "NOK", "receipt#1", "https://shop.example/a", OrderContentsInput.NONE).fingerprint())
                .isEqualTo(fingerprint);
    }

    @Test
    void given_an_order_request_then_its_fingerprint_is_the_digest_keys_were_stored_under_before_this_release() {
        // Keys claimed before an upgrade are compared with this digest afterwards, so its text must never change.
        assertThat(CreateOrderCommand.of(299_00L, "NOK", "receipt#1", null, OrderContentsInput.NONE).fingerprint())
                .isEqualTo("d6720fd8348846538f5aaca2caf08d598ba738d16374b386843c2307fc805251");
    }

    private static void assertKeyReported(String key) {
        assertThatThrownBy(() -> new IdempotencyKey("client-1", key))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid ->
                        assertThat(invalid.fieldErrors()).containsOnlyKeys("Idempotency-Key"));
    }
}
