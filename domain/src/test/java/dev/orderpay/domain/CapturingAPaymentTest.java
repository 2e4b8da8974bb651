package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Locale;
import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting a capture: how much may be captured, and when none may start. */
class CapturingAPaymentTest {

    @Test
    void given_an_authorized_order_when_no_amount_is_named_then_all_of_it_is_to_be_captured_and_pending() {
        Order order = anAuthorizedOrder().build();

        Money capture = order.startCapture(Optional.empty(), NOW);

        assertThat(capture).isEqualTo(nok(299_00));
        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CAPTURE, nok(299_00), nok(0), NOW));
        assertThat(order.status()).isEqualTo(AUTHORIZED);
        assertThat(order.payment().captured()).isEqualTo(nok(0));
        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void given_an_authorized_order_when_a_part_is_named_then_that_part_is_to_be_captured() {
        Order order = anAuthorizedOrder().build();

        Money capture = order.startCapture(Optional.of(nok(100_00)), NOW);

        assertThat(capture).isEqualTo(nok(100_00));
        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CAPTURE, nok(100_00), nok(0), NOW));
    }

    @Test
    void given_a_partly_captured_order_when_no_amount_is_named_then_the_rest_is_to_be_captured() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .build();

        Money capture = order.startCapture(Optional.empty(), NOW);

        assertThat(capture).isEqualTo(nok(199_00));
        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CAPTURE, nok(199_00), nok(100_00), NOW));
    }

    @Test
    void given_a_partly_captured_order_when_exactly_the_rest_is_named_then_it_is_to_be_captured() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .build();

        assertThat(order.startCapture(Optional.of(nok(199_00)), NOW)).isEqualTo(nok(199_00));
    }

    @Test
    void given_a_partly_captured_order_when_more_than_the_rest_is_named_then_it_is_refused_and_nothing_pending() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .build();

        assertThatThrownBy(() -> order.startCapture(Optional.of(nok(199_01)), NOW))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(PARTIALLY_CAPTURED))
                .hasMessageContaining("199.00 NOK");
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_partly_captured_order_refunded_in_part_when_the_rest_is_captured_then_it_is_to_be_captured() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_REFUNDED).withPayment("payment-1", 100_00, 40_00)
                .build();

        Money capture = order.startCapture(Optional.empty(), NOW);

        assertThat(capture).isEqualTo(nok(199_00));
        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CAPTURE, nok(199_00), nok(100_00), NOW));
    }

    @Test
    void given_a_wholly_captured_order_refunded_in_part_when_a_capture_starts_then_nothing_is_left() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_REFUNDED).withPayment("payment-1", 299_00, 40_00)
                .build();

        assertThatThrownBy(() -> order.startCapture(Optional.empty(), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("nothing is left");
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_order_in_kroner_when_a_capture_in_another_currency_is_named_then_it_is_refused() {
        Order order = anAuthorizedOrder().build();

        assertThatThrownBy(() -> order.startCapture(Optional.of(Money.of(100_00, "SEK")), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("SEK");
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_order_stored_partly_captured_with_nothing_left_when_a_capture_starts_then_it_is_refused() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 299_00, 0)
                .build();

        assertThatThrownBy(() -> order.startCapture(Optional.empty(), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("nothing is left");
        assertThat(order.pendingOperation()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"AUTHORIZED", "PARTIALLY_CAPTURED", "PARTIALLY_REFUNDED"})
    void given_an_order_with_no_authorization_left_when_a_capture_starts_then_it_is_refused_naming_the_status(
            OrderStatus status) {
        Order order = anAuthorizedOrder().withStatus(status).build();

        assertThatThrownBy(() -> order.startCapture(Optional.empty(), NOW))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(status))
                .hasMessageContaining(status.name());
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_authorized_order_without_a_linked_payment_when_a_capture_starts_then_it_is_refused() {
        Order order = anOrderWithCheckout().withStatus(AUTHORIZED).build();

        assertThatThrownBy(() -> order.startCapture(Optional.empty(), NOW))
                .isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(order.pendingOperation()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PendingOperation.Type.class)
    void given_an_operation_under_way_when_a_capture_starts_then_it_is_refused_naming_the_status_and_the_operation(
            PendingOperation.Type underWay) {
        PendingOperation pending = new PendingOperation(underWay, nok(50_00), nok(0), NOW);
        Order order = anAuthorizedOrder().withPendingOperation(pending).build();

        assertThatThrownBy(() -> order.startCapture(Optional.of(nok(10_00)), NOW.plusSeconds(1)))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(AUTHORIZED))
                .hasMessageContaining("AUTHORIZED")
                .hasMessageContaining(underWay.name().toLowerCase(Locale.ROOT) + " is under way");
        assertThat(order.pendingOperation()).contains(pending);
    }
}
