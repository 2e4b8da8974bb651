package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.ON_HOLD;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.OrderStatus.REFUNDED;
import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;

/** The order follows what the provider reports: its statuses, endings without payment and the payment's amounts. */
class FollowingThePaymentTest {

    @Test
    void given_a_pending_order_when_the_provider_reports_authorized_then_the_change_is_made_and_returned() {
        Order order = anOrderWithCheckout().build();

        assertThat(order.followProvider(AUTHORIZED, BY_TEST)).contains(new StatusChange(order.id(), PENDING, AUTHORIZED, BY_TEST));
        assertThat(order.status()).isEqualTo(AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource
    void given_any_status_when_the_provider_reports_that_same_status_then_nothing_changes(OrderStatus status) {
        Order order = anOrderWithCheckout().withStatus(status).build();

        assertThat(order.followProvider(status, BY_TEST)).isEmpty();
        assertThat(order.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({
            "CAPTURED, AUTHORIZED",
            "CAPTURED, PARTIALLY_CAPTURED",
            "PARTIALLY_CAPTURED, AUTHORIZED",
            "PARTIALLY_REFUNDED, CAPTURED",
            "REFUNDED, PARTIALLY_REFUNDED",
            "REFUNDED, CANCELLED",
            "CAPTURED, PENDING",
            "CAPTURED, CANCELLED",
            "AUTHORIZED, ON_HOLD",
            "AUTHORIZED, PENDING",
            "AUTHORIZED, DECLINED",
            "ON_HOLD, PENDING",
            "CANCELLED, PENDING",
            "DECLINED, FAILED",
            "EXPIRED, PENDING",
            "EXPIRED, CANCELLED"})
    void given_an_order_when_the_provider_reports_a_stale_status_then_the_report_is_ignored(
            OrderStatus current, OrderStatus stale) {
        Order order = anOrderWithCheckout().withStatus(current).build();

        assertThat(order.followProvider(stale, BY_TEST)).isEmpty();
        assertThat(order.status()).isEqualTo(current);
    }

    @ParameterizedTest
    @EnumSource(CheckoutEnding.class)
    void given_an_order_settled_without_payment_when_the_provider_reports_authorized_then_money_wins(
            CheckoutEnding ending) {
        Order order = anOrderWithCheckout().build();
        order.settleWithoutPayment(ending, BY_TEST);

        assertThat(order.followProvider(AUTHORIZED, BY_TEST))
                .contains(new StatusChange(order.id(), ending.toStatus(), AUTHORIZED, BY_TEST));
        assertThat(order.status()).isEqualTo(AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(CheckoutEnding.class)
    void given_a_pending_order_when_its_checkout_ends_without_payment_then_the_order_takes_that_outcome(
            CheckoutEnding ending) {
        Order order = anOrderWithCheckout().build();

        assertThat(order.settleWithoutPayment(ending, BY_TEST))
                .contains(new StatusChange(order.id(), PENDING, ending.toStatus(), BY_TEST));
        assertThat(order.status()).isEqualTo(ending.toStatus());
    }

    static Stream<Arguments> settledStatusesAndFailureHints() {
        return Arrays.stream(OrderStatus.values()).filter(status -> status != PENDING)
                .flatMap(status -> Arrays.stream(CheckoutEnding.values())
                        .map(ending -> Arguments.of(status, ending)));
    }

    @ParameterizedTest(name = "{0} hinted {1}")
    @MethodSource("settledStatusesAndFailureHints")
    void given_an_order_that_is_not_pending_when_its_checkout_ends_without_payment_then_it_keeps_its_status(
            OrderStatus status, CheckoutEnding ending) {
        Order order = anOrderWithCheckout().withStatus(status).build();

        assertThat(order.settleWithoutPayment(ending, BY_TEST)).isEmpty();
        assertThat(order.status()).isEqualTo(status);
    }

    @Test
    void given_a_pending_order_when_its_payment_is_authorized_then_the_payment_is_linked_and_the_status_follows() {
        Order order = anOrderWithCheckout().build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), AUTHORIZED, nok(0), nok(0)), BY_TEST);

        assertThat(changed).isTrue();
        assertThat(order.status()).isEqualTo(AUTHORIZED);
        assertThat(order.payment())
                .isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-1")), nok(0), nok(0)));
        assertThat(order.uncommittedChanges())
                .containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED, BY_TEST));
    }

    @Test
    void given_a_pending_order_when_its_payment_is_only_initiated_then_the_payment_is_linked_without_a_status_change() {
        Order order = anOrderWithCheckout().build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), PENDING, nok(0), nok(0)), BY_TEST);

        assertThat(changed).isTrue();
        assertThat(order.payment().paymentId()).contains(new PaymentId("payment-1"));
        assertThat(order.status()).isEqualTo(PENDING);
        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void given_a_linked_payment_when_another_payment_is_reported_then_the_first_stays_linked() {
        Order order = anAuthorizedOrder().build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-2"), AUTHORIZED, nok(0), nok(0)), BY_TEST);

        assertThat(changed).isFalse();
        assertThat(order.payment().paymentId()).contains(new PaymentId("payment-1"));
    }

    @Test
    void given_a_captured_order_when_a_stale_authorized_payment_is_reported_then_nothing_moves_back() {
        Order order = anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0).build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), AUTHORIZED, nok(0), nok(0)), BY_TEST);

        assertThat(changed).isFalse();
        assertThat(order.status()).isEqualTo(CAPTURED);
        assertThat(order.payment())
                .isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-1")), nok(299_00), nok(0)));
        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void given_amounts_already_known_when_smaller_ones_are_reported_then_the_amounts_only_grow() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_REFUNDED).withPayment("payment-1", 200_00, 50_00)
                .build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), PARTIALLY_CAPTURED, nok(100_00), nok(10_00)), BY_TEST);

        assertThat(changed).isFalse();
        assertThat(order.payment())
                .isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-1")), nok(200_00), nok(50_00)));
        assertThat(order.status()).isEqualTo(PARTIALLY_REFUNDED);
    }

    @Test
    void given_a_partly_captured_order_when_more_is_captured_in_the_same_status_then_only_the_amount_changes() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), PARTIALLY_CAPTURED, nok(150_00), nok(0)), BY_TEST);

        assertThat(changed).isTrue();
        assertThat(order.payment().captured()).isEqualTo(nok(150_00));
        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void given_the_provider_reports_more_captured_than_the_order_amount_then_the_capture_is_capped_at_the_amount() {
        Order order = anAuthorizedOrder().build();

        order.followPayment(new PaymentState(new PaymentId("payment-1"), CAPTURED, nok(999_00), nok(0)), BY_TEST);

        assertThat(order.payment().captured()).isEqualTo(nok(299_00));
    }

    @Test
    void given_the_provider_reports_more_refunded_than_captured_then_the_refund_is_capped_at_what_was_captured() {
        Order order = anAuthorizedOrder().build();

        order.followPayment(
                new PaymentState(new PaymentId("payment-1"), PARTIALLY_REFUNDED, nok(100_00), nok(150_00)), BY_TEST);

        assertThat(order.payment())
                .isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-1")), nok(100_00), nok(100_00)));
    }

    @Test
    void given_the_same_payment_reported_twice_then_the_second_report_changes_nothing() {
        Order order = anOrderWithCheckout().build();
        PaymentState captured = new PaymentState(new PaymentId("payment-1"), CAPTURED, nok(299_00), nok(0));
        order.followPayment(captured, BY_TEST);

        boolean changedAgain = order.followPayment(captured, BY_TEST);

        assertThat(changedAgain).isFalse();
        assertThat(order.uncommittedChanges()).hasSize(1);
    }

    @Test
    void given_a_pending_capture_when_the_payment_shows_only_part_of_it_then_it_stays_pending() {
        PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, nok(100_00), nok(50_00), NOW);
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 50_00, 0)
                .withPendingOperation(capture).build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), PARTIALLY_CAPTURED, nok(120_00), nok(0)), BY_TEST);

        assertThat(changed).isTrue();
        assertThat(order.pendingOperation()).contains(capture);
    }

    @Test
    void given_a_pending_capture_when_the_payment_shows_it_done_then_it_is_no_longer_pending() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 50_00, 0)
                .withPendingOperation(new PendingOperation(PendingOperation.Type.CAPTURE, nok(100_00), nok(50_00), NOW))
                .build();

        order.followPayment(
                new PaymentState(new PaymentId("payment-1"), PARTIALLY_CAPTURED, nok(150_00), nok(0)), BY_TEST);

        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_pending_refund_when_the_payment_shows_it_done_then_it_is_no_longer_pending() {
        Order order = anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0)
                .withPendingOperation(new PendingOperation(PendingOperation.Type.REFUND, nok(299_00), nok(0), NOW)).build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), REFUNDED, nok(299_00), nok(299_00)), BY_TEST);

        assertThat(changed).isTrue();
        assertThat(order.status()).isEqualTo(REFUNDED);
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_a_pending_void_when_the_payment_is_still_authorized_then_it_stays_pending_and_nothing_changed() {
        PendingOperation cancel = new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW);
        Order order = anAuthorizedOrder().withPendingOperation(cancel).build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), AUTHORIZED, nok(0), nok(0)), BY_TEST);

        assertThat(changed).isFalse();
        assertThat(order.pendingOperation()).contains(cancel);
    }

    @Test
    void given_a_pending_void_when_the_payment_shows_it_cancelled_then_the_order_is_cancelled_and_nothing_pending() {
        Order order = anAuthorizedOrder()
                .withPendingOperation(new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW)).build();

        boolean changed = order.followPayment(
                new PaymentState(new PaymentId("payment-1"), CANCELLED, nok(0), nok(0)), BY_TEST);

        assertThat(changed).isTrue();
        assertThat(order.status()).isEqualTo(CANCELLED);
        assertThat(order.pendingOperation()).isEmpty();
        assertThat(order.uncommittedChanges())
                .containsExactly(new StatusChange(order.id(), AUTHORIZED, CANCELLED, BY_TEST));
    }
}
