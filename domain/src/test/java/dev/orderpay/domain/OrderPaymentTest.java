package dev.orderpay.domain;

import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPaymentTest {

    private static final PaymentId PAYMENT = new PaymentId("payment-1");

    @Test
    void no_payment_has_no_id_and_nothing_captured_or_refunded() {
        assertThat(OrderPayment.none(Currency.getInstance("NOK")))
                .isEqualTo(new OrderPayment(Optional.empty(), nok(0), nok(0)));
    }

    @Test
    void given_all_captured_money_refunded_then_the_payment_is_valid() {
        assertThat(new OrderPayment(Optional.of(PAYMENT), nok(100_00), nok(100_00)).refunded()).isEqualTo(nok(100_00));
    }

    @Test
    void given_more_refunded_than_captured_then_no_payment_can_be_made() {
        assertThatThrownBy(() -> new OrderPayment(Optional.of(PAYMENT), nok(100_00), nok(100_01)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_amounts_in_two_currencies_then_no_payment_can_be_made() {
        // Negative amounts no longer get this far: Money refuses them.
        assertThatThrownBy(() -> new OrderPayment(Optional.of(PAYMENT), nok(100_00), Money.of(0, "SEK")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_no_optional_id_or_no_amounts_then_no_payment_can_be_made() {
        assertThatThrownBy(() -> new OrderPayment(null, nok(0), nok(0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderPayment(Optional.empty(), null, nok(0)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OrderPayment(Optional.empty(), nok(0), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void given_a_provider_state_with_amounts_in_two_currencies_or_missing_parts_then_it_cannot_be_made() {
        assertThatThrownBy(() -> new PaymentState(PAYMENT, CAPTURED, nok(0), Money.of(0, "SEK")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentState(null, CAPTURED, nok(0), nok(0)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentState(PAYMENT, null, nok(0), nok(0)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentState(PAYMENT, CAPTURED, null, nok(0)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentState(PAYMENT, CAPTURED, nok(0), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_provider_state_may_report_more_refunded_than_captured_for_the_order_to_cap() {
        assertThat(new PaymentState(PAYMENT, CAPTURED, nok(10_00), nok(20_00)).refunded()).isEqualTo(nok(20_00));
    }
}
