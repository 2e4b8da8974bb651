package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderIdTest {

    private static final String CANONICAL = "3f1c2a9e-7b4d-4e2a-9c1f-0a5b6c7d8e9f";

    @Test
    void given_the_canonical_form_then_it_parses_to_the_same_id_and_prints_back_unchanged() {
        OrderId id = OrderId.parse(CANONICAL);

        assertThat(id.value()).isEqualTo(UUID.fromString(CANONICAL));
        assertThat(id).hasToString(CANONICAL);
    }

    @Test
    void given_the_canonical_form_in_capitals_then_it_is_the_same_id() {
        assertThat(OrderId.parse(CANONICAL.toUpperCase())).isEqualTo(OrderId.parse(CANONICAL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "not-a-uuid",
            "3f1c2a9e7b4d4e2a9c1f0a5b6c7d8e9f",
            "{3f1c2a9e-7b4d-4e2a-9c1f-0a5b6c7d8e9f}",
            "urn:uuid:3f1c2a9e-7b4d-4e2a-9c1f-0a5b6c7d8e9f",
            " 3f1c2a9e-7b4d-4e2a-9c1f-0a5b6c7d8e9f",
            "3f1c2a9e-7b4d-4e2a-9c1f-0a5b6c7d8e9f0",
            "3f1c2a9g-7b4d-4e2a-9c1f-0a5b6c7d8e9f",
            "1-2-3-4-5",
            "3f1c2a9e-7b4d-4e2a-9c1f-a5b6c7d8e9f",
            "+1-1-1-1-1"})
    void given_anything_but_the_canonical_form_then_it_is_refused_as_an_id(String text) {
        assertThatThrownBy(() -> OrderId.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("id"));
    }

    @Test
    void new_ids_are_distinct() {
        assertThat(OrderId.newId()).isNotEqualTo(OrderId.newId());
    }

    @Test
    void given_no_uuid_then_no_id_can_be_made() {
        assertThatThrownBy(() -> new OrderId(null)).isInstanceOf(NullPointerException.class);
    }
}
