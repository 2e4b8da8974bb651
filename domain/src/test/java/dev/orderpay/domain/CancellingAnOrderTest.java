package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cancelling: voiding an authorization or closing an open checkout, and completing the cancellation. */
class CancellingAnOrderTest {

    @Test
    void given_an_authorized_order_with_nothing_captured_then_its_authorization_is_to_be_voided() {
        Order order = anAuthorizedOrder().build();

        order.startCancel(NOW);

        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW));
        assertThat(order.status()).isEqualTo(AUTHORIZED);
    }

    @Test
    void given_a_pending_order_with_its_checkout_open_then_its_checkout_is_to_be_closed() {
        Order order = anOrderWithCheckout().build();

        order.startCancel(NOW);

        assertThat(order.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW));
        assertThat(order.status()).isEqualTo(PENDING);
    }

    @Test
    void given_a_pending_order_without_a_checkout_then_it_is_refused() {
        Order order = anOrder().build();

        assertThatThrownBy(() -> order.startCancel(NOW))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("PENDING");
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_authorized_order_without_a_linked_payment_then_it_is_refused() {
        Order order = anOrderWithCheckout().withStatus(AUTHORIZED).build();

        assertThatThrownBy(() -> order.startCancel(NOW)).isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_authorized_order_stored_with_money_captured_then_it_is_refused() {
        Order order = anAuthorizedOrder().withPayment("payment-1", 10_00, 0).build();

        assertThatThrownBy(() -> order.startCancel(NOW)).isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(order.pendingOperation()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"PENDING", "AUTHORIZED"})
    void given_an_order_neither_pending_nor_authorized_then_it_is_refused_naming_the_status(OrderStatus status) {
        Order order = anAuthorizedOrder().withStatus(status).build();

        assertThatThrownBy(() -> order.startCancel(NOW))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(status))
                .hasMessageContaining(status.name());
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_cancellation_under_way_when_another_starts_then_it_is_refused_and_the_first_kept() {
        PendingOperation first = new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW);
        Order order = anOrderWithCheckout().withPendingOperation(first).build();

        assertThatThrownBy(() -> order.startCancel(NOW.plusSeconds(1)))
                .isInstanceOf(IllegalStatusTransitionException.class)
                .hasMessageContaining("cancel is under way");
        assertThat(order.pendingOperation()).contains(first);
    }

    @Test
    void given_a_checkout_cancellation_under_way_when_it_completes_then_the_order_is_cancelled_and_nothing_pending() {
        Order order = anOrderWithCheckout().build();
        order.startCancel(NOW);

        Optional<StatusChange> change = order.completeCheckoutCancellation(BY_TEST);

        assertThat(change).contains(new StatusChange(order.id(), PENDING, CANCELLED, BY_TEST));
        assertThat(order.status()).isEqualTo(CANCELLED);
        assertThat(order.pendingOperation()).isEmpty();
        assertThat(order.uncommittedChanges()).containsExactly(change.get());
    }

    @Test
    void given_the_checkout_was_recorded_cancelled_meanwhile_when_it_completes_then_only_the_operation_ends() {
        Order order = anOrderWithCheckout()
                .withPendingOperation(new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW)).build();
        order.settleWithoutPayment(CheckoutEnding.CANCELLED, BY_TEST);

        Optional<StatusChange> change = order.completeCheckoutCancellation(BY_TEST);

        assertThat(change).isEmpty();
        assertThat(order.status()).isEqualTo(CANCELLED);
        assertThat(order.pendingOperation()).isEmpty();
        assertThat(order.uncommittedChanges()).hasSize(1);
    }

    @Test
    void given_no_operation_under_way_when_a_cancellation_completes_then_it_is_refused() {
        Order order = anOrderWithCheckout().build();

        assertThatThrownBy(() -> order.completeCheckoutCancellation(BY_TEST))
                .isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(order.status()).isEqualTo(PENDING);
    }

    @Test
    void given_a_capture_under_way_when_a_cancellation_completes_then_it_is_refused_and_the_capture_kept() {
        PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, nok(299_00), nok(0), NOW);
        Order order = anAuthorizedOrder().withPendingOperation(capture).build();

        assertThatThrownBy(() -> order.completeCheckoutCancellation(BY_TEST))
                .isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(order.status()).isEqualTo(AUTHORIZED);
        assertThat(order.pendingOperation()).contains(capture);
    }
}
