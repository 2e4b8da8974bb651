package dev.orderpay.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPaymentTest {

    @Test
    void no_payment_has_no_id_and_nothing_captured_or_refunded() {
        assertThat(OrderPayment.NONE).isEqualTo(new OrderPayment(Optional.empty(), 0, 0));
    }

    @Test
    void given_all_captured_money_refunded_then_the_payment_is_valid() {
        assertThat(new OrderPayment(Optional.of(new PaymentId("payment-1")), 100_00, 100_00).refundedMinorUnits()).isEqualTo(100_00);
    }

    @Test
    void given_more_refunded_than_captured_then_no_payment_can_be_made() {
        assertThatThrownBy(() -> new OrderPayment(Optional.of(new PaymentId("payment-1")), 100_00, 100_01))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_negative_amounts_then_no_payment_can_be_made() {
        assertThatThrownBy(() -> new OrderPayment(Optional.of(new PaymentId("payment-1")), -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderPayment(Optional.of(new PaymentId("payment-1")), 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_no_optional_id_then_no_payment_can_be_made() {
        assertThatThrownBy(() -> new OrderPayment(null, 0, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void given_a_provider_state_with_negative_amounts_or_missing_parts_then_it_cannot_be_made() {
        assertThatThrownBy(() -> new PaymentState(new PaymentId("payment-1"), CAPTURED, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentState(new PaymentId("payment-1"), CAPTURED, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentState(null, CAPTURED, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentState(new PaymentId("payment-1"), null, 0, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_provider_state_may_report_more_refunded_than_captured_for_the_order_to_cap() {
        assertThat(new PaymentState(new PaymentId("payment-1"), CAPTURED, 10_00, 20_00).refundedMinorUnits()).isEqualTo(20_00);
    }
}
