package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting a refund: how much may be refunded, and when none may start. */
class RefundingAPaymentTest {

    @Test
    void given_a_captured_order_when_no_amount_is_named_then_all_of_it_is_to_be_refunded() {
        Order order = anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0).build();

        Money refund = order.startRefund(Optional.empty(), NOW);

        assertThat(refund).isEqualTo(nok(299_00));
        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.REFUND, nok(299_00), nok(0), NOW));
    }

    @Test
    void given_a_partly_captured_order_when_no_amount_is_named_then_only_the_captured_part_is_to_be_refunded() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .build();

        assertThat(order.startRefund(Optional.empty(), NOW)).isEqualTo(nok(100_00));
    }

    @Test
    void given_a_partly_refunded_order_when_no_amount_is_named_then_what_is_not_yet_refunded_is_to_be_refunded() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_REFUNDED).withPayment("payment-1", 299_00, 99_00)
                .build();

        Money refund = order.startRefund(Optional.empty(), NOW);

        assertThat(refund).isEqualTo(nok(200_00));
        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.REFUND, nok(200_00), nok(99_00), NOW));
    }

    @Test
    void given_a_partly_refunded_order_when_more_than_is_left_is_named_then_it_is_refused() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_REFUNDED).withPayment("payment-1", 299_00, 99_00)
                .build();

        assertThatThrownBy(() -> order.startRefund(Optional.of(nok(200_01)), NOW))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(PARTIALLY_REFUNDED))
                .hasMessageContaining("200.00 NOK");
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_partly_captured_order_when_more_than_was_captured_is_named_then_it_is_refused() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .build();

        assertThatThrownBy(() -> order.startRefund(Optional.of(nok(100_01)), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_captured_order_when_a_refund_in_another_currency_is_named_then_it_is_refused() {
        Order order = anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0).build();

        assertThatThrownBy(() -> order.startRefund(Optional.of(Money.of(10_00, "EUR")), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("EUR");
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"PARTIALLY_CAPTURED", "CAPTURED", "PARTIALLY_REFUNDED"})
    void given_an_order_holding_no_refundable_money_when_a_refund_starts_then_it_is_refused_naming_the_status(
            OrderStatus status) {
        // The amounts alone would allow it: the status decides.
        Order order = anAuthorizedOrder().withStatus(status).withPayment("payment-1", 100_00, 0).build();

        assertThatThrownBy(() -> order.startRefund(Optional.empty(), NOW))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(status))
                .hasMessageContaining(status.name());
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_captured_order_without_recorded_captured_money_when_a_refund_starts_then_it_is_refused() {
        Order order = anAuthorizedOrder().withStatus(CAPTURED).build();

        assertThatThrownBy(() -> order.startRefund(Optional.empty(), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class);
    }

    @Test
    void given_a_pending_capture_when_a_refund_starts_then_it_is_refused() {
        PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, nok(199_00), nok(100_00), NOW);
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .withPendingOperation(capture).build();

        assertThatThrownBy(() -> order.startRefund(Optional.empty(), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("PARTIALLY_CAPTURED")
                .hasMessageContaining("capture is under way");
        assertThat(order.pendingOperation()).contains(capture);
    }
}
