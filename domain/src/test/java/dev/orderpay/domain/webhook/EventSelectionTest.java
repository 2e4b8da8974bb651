package dev.orderpay.domain.webhook;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.event.EventType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSelectionTest {

    @Test
    void given_every_type_then_each_subscribable_type_is_included_and_none_is_chosen() {
        EventSelection all = EventSelection.all();

        assertThat(all.isAll()).isTrue();
        assertThat(all.chosen()).isEmpty();
        assertThat(all.includes(EventType.OPERATION_FAILED)).isTrue();
        assertThat(all.includes(EventType.PING)).isFalse();
    }

    @Test
    void given_chosen_types_then_exactly_those_are_included_in_declaration_order_without_repeats() {
        EventSelection some = EventSelection.only(List.of(EventType.ORDER_REFUNDED, EventType.ORDER_CREATED,
                EventType.ORDER_REFUNDED));

        assertThat(some.isAll()).isFalse();
        assertThat(some.chosen()).containsExactly(EventType.ORDER_CREATED, EventType.ORDER_REFUNDED);
        assertThat(some.includes(EventType.ORDER_CREATED)).isTrue();
        assertThat(some.includes(EventType.ORDER_CAPTURED)).isFalse();
    }

    @Test
    void given_no_type_then_nothing_can_be_chosen() {
        assertThatThrownBy(() -> EventSelection.only(List.of())).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void given_the_test_event_then_it_cannot_be_chosen() {
        assertThatThrownBy(() -> EventSelection.only(List.of(EventType.ORDER_CREATED, EventType.PING)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("ping");
    }

    @Test
    void given_the_same_types_then_the_selections_are_equal() {
        assertThat(EventSelection.only(List.of(EventType.ORDER_CREATED, EventType.ORDER_FAILED)))
                .isEqualTo(EventSelection.only(List.of(EventType.ORDER_FAILED, EventType.ORDER_CREATED)))
                .isNotEqualTo(EventSelection.all());
    }
}
