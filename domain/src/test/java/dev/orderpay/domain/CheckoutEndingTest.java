package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutEndingTest {

    @ParameterizedTest
    @EnumSource(CheckoutEnding.class)
    void given_an_ending_then_it_stands_for_the_order_status_of_the_same_name(CheckoutEnding ending) {
        assertThat(ending.toStatus()).isEqualTo(OrderStatus.valueOf(ending.name()));
    }

    @Test
    void the_endings_are_exactly_the_statuses_that_close_an_order_without_money() {
        OrderStatus[] closedWithoutMoney = Arrays.stream(OrderStatus.values())
                .filter(status -> !status.holdsPayment() && !status.awaitsOutcome())
                .toArray(OrderStatus[]::new);

        assertThat(Arrays.stream(CheckoutEnding.values()).map(CheckoutEnding::toStatus))
                .containsExactlyInAnyOrder(closedWithoutMoney);
    }

    @ParameterizedTest
    @EnumSource(CheckoutEnding.class)
    void given_any_ending_then_a_pending_order_may_move_to_its_status(CheckoutEnding ending) {
        assertThat(OrderStatus.PENDING.canMoveTo(ending.toStatus())).isTrue();
    }
}
