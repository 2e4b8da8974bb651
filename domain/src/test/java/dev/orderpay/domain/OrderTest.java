package dev.orderpay.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.DECLINED;
import static dev.orderpay.domain.OrderStatus.EXPIRED;
import static dev.orderpay.domain.OrderStatus.FAILED;
import static dev.orderpay.domain.OrderStatus.ON_HOLD;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.OrderStatus.REFUNDED;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static dev.orderpay.domain.TestOrders.sessionFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123Z");

    @Test
    void when_an_order_is_placed_then_it_is_pending_without_a_checkout_at_version_zero() {
        OrderId id = OrderId.newId();

        Order order = Order.place(id, nok(299_00), new Receipt("receipt#1"), NOW);

        assertThat(order.id()).isEqualTo(id);
        assertThat(order.amount()).isEqualTo(nok(299_00));
        assertThat(order.receipt()).isEqualTo(new Receipt("receipt#1"));
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(order.status()).isEqualTo(PENDING);
        assertThat(order.session()).isEmpty();
        assertThat(order.version()).isZero();
    }

    @Test
    void given_a_pending_order_when_a_session_is_attached_then_the_order_is_paid_through_it() {
        Order order = anOrder().build();

        order.attachSession(sessionFor("S-1"));

        assertThat(order.session()).contains(sessionFor("S-1"));
        assertThat(order.status()).isEqualTo(PENDING);
    }

    @Test
    void given_an_order_with_a_session_when_another_is_attached_then_it_is_refused_and_the_first_kept() {
        Order order = anOrder().withSession(sessionFor("S-1")).build();

        assertThatThrownBy(() -> order.attachSession(sessionFor("S-2")))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(PENDING))
                .hasMessageContaining("PENDING");
        assertThat(order.session()).contains(sessionFor("S-1"));
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "PENDING")
    void given_an_order_that_is_not_pending_when_a_session_is_attached_then_it_is_refused_naming_the_status(
            OrderStatus status) {
        Order order = anOrder().withStatus(status).build();

        assertThatThrownBy(() -> order.attachSession(sessionFor("S-1")))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(status))
                .hasMessageContaining(status.name());
        assertThat(order.session()).isEmpty();
    }

    @Test
    void given_a_pending_order_without_checkout_when_its_checkout_fails_then_it_is_failed() {
        Order order = anOrder().build();

        StatusChange change = order.failCheckout(BY_TEST);

        assertThat(change).isEqualTo(new StatusChange(order.id(), PENDING, FAILED, BY_TEST));
        assertThat(order.status()).isEqualTo(FAILED);
    }

    @Test
    void given_an_order_whose_checkout_is_open_when_its_checkout_fails_then_it_is_refused() {
        Order order = anOrderWithCheckout().build();

        assertThatThrownBy(() -> order.failCheckout(BY_TEST)).isInstanceOf(IllegalStatusTransitionException.class);
        assertThat(order.status()).isEqualTo(PENDING);
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "PENDING")
    void given_an_order_that_is_not_pending_when_its_checkout_fails_then_it_is_refused_naming_the_status(
            OrderStatus status) {
        Order order = anOrder().withStatus(status).build();

        assertThatThrownBy(() -> order.failCheckout(BY_TEST))
                .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                        refused -> assertThat(refused.current()).isEqualTo(status));
        assertThat(order.status()).isEqualTo(status);
    }

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
    @EnumSource(names = {"CANCELLED", "FAILED", "DECLINED", "EXPIRED"})
    void given_an_order_settled_without_payment_when_the_provider_reports_authorized_then_money_wins(
            OrderStatus ending) {
        Order order = anOrderWithCheckout().build();
        order.settleWithoutPayment(ending, BY_TEST);

        assertThat(order.followProvider(AUTHORIZED, BY_TEST)).contains(new StatusChange(order.id(), ending, AUTHORIZED, BY_TEST));
        assertThat(order.status()).isEqualTo(AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(names = {"CANCELLED", "FAILED", "DECLINED", "EXPIRED"})
    void given_a_pending_order_when_its_checkout_ends_without_payment_then_the_order_takes_that_outcome(
            OrderStatus hint) {
        Order order = anOrderWithCheckout().build();

        assertThat(order.settleWithoutPayment(hint, BY_TEST)).contains(new StatusChange(order.id(), PENDING, hint, BY_TEST));
        assertThat(order.status()).isEqualTo(hint);
    }

    static Stream<Arguments> settledStatusesAndFailureHints() {
        return Arrays.stream(OrderStatus.values()).filter(status -> status != PENDING)
                .flatMap(status -> Stream.of(CANCELLED, FAILED, DECLINED, EXPIRED)
                        .map(hint -> Arguments.of(status, hint)));
    }

    @ParameterizedTest(name = "{0} hinted {1}")
    @MethodSource("settledStatusesAndFailureHints")
    void given_an_order_that_is_not_pending_when_its_checkout_ends_without_payment_then_it_keeps_its_status(
            OrderStatus status, OrderStatus hint) {
        Order order = anOrderWithCheckout().withStatus(status).build();

        assertThat(order.settleWithoutPayment(hint, BY_TEST)).isEmpty();
        assertThat(order.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"CANCELLED", "FAILED", "DECLINED", "EXPIRED"})
    void given_a_pending_order_when_an_ending_with_payment_is_given_then_it_is_refused(OrderStatus hint) {
        Order order = anOrderWithCheckout().build();

        assertThatThrownBy(() -> order.settleWithoutPayment(hint, BY_TEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(hint.name());
        assertThat(order.status()).isEqualTo(PENDING);
    }

    @Test
    void given_a_settled_order_when_an_ending_with_payment_is_given_then_it_is_refused_all_the_same() {
        // The outcome is checked before the status, so a wrong call is never hidden by an order that moved on.
        Order order = anOrderWithCheckout().withStatus(AUTHORIZED).build();

        assertThatThrownBy(() -> order.settleWithoutPayment(CAPTURED, BY_TEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CAPTURED");
        assertThat(order.status()).isEqualTo(AUTHORIZED);
    }

    @Test
    void when_an_order_is_rehydrated_then_it_keeps_everything_as_given_without_checking_rules() {
        OrderId id = OrderId.newId();
        Money amount = Money.of(1_500, "JPY");
        Receipt receipt = new Receipt("r-42");
        PaymentSession session = sessionFor("S-9");

        // FAILED with a session cannot be reached through the rules, yet storage is taken at its word.
        Order order = Order.rehydrate(id, amount, receipt, NOW, FAILED, session, 7);

        assertThat(order.id()).isEqualTo(id);
        assertThat(order.amount()).isEqualTo(amount);
        assertThat(order.receipt()).isEqualTo(receipt);
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(order.status()).isEqualTo(FAILED);
        assertThat(order.session()).contains(session);
        assertThat(order.version()).isEqualTo(7);
    }

    @Test
    void when_an_order_changes_status_then_its_version_stays_for_storage_to_advance() {
        Order order = anOrderWithCheckout().withVersion(3).build();

        order.followProvider(CAPTURED, BY_TEST);

        assertThat(order.version()).isEqualTo(3);
    }

    @Test
    void when_an_order_is_placed_then_it_has_no_uncommitted_changes() {
        Order order = Order.place(OrderId.newId(), nok(299_00), new Receipt("receipt#1"), NOW);

        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource
    void when_an_order_is_rehydrated_in_any_status_then_it_has_no_uncommitted_changes(OrderStatus status) {
        Order order = anOrderWithCheckout().withStatus(status).build();

        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void given_several_changes_then_each_is_kept_uncommitted_with_its_provenance_oldest_first() {
        Order order = anOrderWithCheckout().build();
        Provenance redirect = Provenance.of(ChangeSource.REDIRECT, "payment-1", NOW);
        Provenance callback = Provenance.of(ChangeSource.CALLBACK, "event-7", NOW.plusSeconds(1));
        Provenance reconciliation = Provenance.unreferenced(ChangeSource.RECONCILIATION, NOW.plusSeconds(2));

        order.followProvider(ON_HOLD, redirect);
        order.followProvider(AUTHORIZED, callback);
        order.followProvider(CAPTURED, reconciliation);

        assertThat(order.uncommittedChanges()).containsExactly(
                new StatusChange(order.id(), PENDING, ON_HOLD, redirect),
                new StatusChange(order.id(), ON_HOLD, AUTHORIZED, callback),
                new StatusChange(order.id(), AUTHORIZED, CAPTURED, reconciliation));
    }

    @Test
    void given_a_checkout_ended_without_payment_and_then_paid_then_both_changes_are_kept_uncommitted() {
        Order order = anOrderWithCheckout().build();
        Provenance hint = Provenance.unreferenced(ChangeSource.REDIRECT, NOW);
        Provenance payment = Provenance.of(ChangeSource.CALLBACK, "payment-1", NOW.plusSeconds(5));

        order.settleWithoutPayment(CANCELLED, hint);
        order.followProvider(AUTHORIZED, payment);

        assertThat(order.uncommittedChanges()).containsExactly(
                new StatusChange(order.id(), PENDING, CANCELLED, hint),
                new StatusChange(order.id(), CANCELLED, AUTHORIZED, payment));
    }

    @Test
    void given_a_checkout_that_failed_to_open_then_the_failure_is_kept_uncommitted() {
        Order order = anOrder().build();
        Provenance checkout = Provenance.unreferenced(ChangeSource.CHECKOUT, NOW);

        order.failCheckout(checkout);

        assertThat(order.uncommittedChanges()).containsExactly(new StatusChange(order.id(), PENDING, FAILED, checkout));
    }

    @Test
    void when_a_session_is_attached_then_no_status_change_is_recorded() {
        Order order = anOrder().build();

        order.attachSession(sessionFor("S-1"));

        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void given_an_authorized_order_when_reports_change_nothing_then_nothing_more_is_kept_uncommitted() {
        Order order = anOrderWithCheckout().build();
        order.followProvider(AUTHORIZED, BY_TEST);

        order.followProvider(AUTHORIZED, BY_TEST);
        order.followProvider(ON_HOLD, BY_TEST);
        order.settleWithoutPayment(CANCELLED, BY_TEST);
        order.settleWithoutPayment(EXPIRED, BY_TEST);

        assertThat(order.uncommittedChanges()).containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED, BY_TEST));
    }

    @Test
    void given_a_refused_change_then_nothing_is_kept_uncommitted() {
        Order order = anOrderWithCheckout().build();

        assertThatThrownBy(() -> order.failCheckout(BY_TEST)).isInstanceOf(IllegalStatusTransitionException.class);
        assertThatThrownBy(() -> order.settleWithoutPayment(CAPTURED, BY_TEST))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void the_uncommitted_changes_handed_out_cannot_alter_the_order() {
        Order order = anOrderWithCheckout().build();
        order.followProvider(AUTHORIZED, BY_TEST);

        assertThatThrownBy(() -> order.uncommittedChanges().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(order.uncommittedChanges()).hasSize(1);
    }

    @Test
    void when_an_order_is_placed_then_it_has_no_payment_and_no_operation_under_way() {
        Order order = Order.place(OrderId.newId(), nok(299_00), new Receipt("receipt#1"), NOW);

        assertThat(order.payment()).isEqualTo(OrderPayment.NONE);
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void when_an_order_is_rehydrated_with_its_payment_and_an_operation_then_it_keeps_both_as_given() {
        OrderPayment payment = new OrderPayment(Optional.of("payment-9"), 100_00, 40_00);
        PendingOperation refund = new PendingOperation(PendingOperation.Type.REFUND, 10_00, 40_00, NOW);

        Order order = Order.rehydrate(OrderId.newId(), nok(299_00), new Receipt("r-1"), NOW, PARTIALLY_REFUNDED,
                sessionFor("S-1"), payment, refund, 4);

        assertThat(order.payment()).isEqualTo(payment);
        assertThat(order.pendingOperation()).contains(refund);
        assertThat(order.status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(order.version()).isEqualTo(4);
        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void when_an_order_is_rehydrated_the_short_way_then_it_has_no_payment_and_no_operation() {
        Order order = Order.rehydrate(OrderId.newId(), nok(299_00), new Receipt("r-1"), NOW, AUTHORIZED, null, 2);

        assertThat(order.payment()).isEqualTo(OrderPayment.NONE);
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Nested
    class FollowingThePayment {

        @Test
        void given_a_pending_order_when_its_payment_is_authorized_then_the_payment_is_linked_and_the_status_follows() {
            Order order = anOrderWithCheckout().build();

            boolean changed = order.followPayment(new PaymentState("payment-1", AUTHORIZED, 0, 0), BY_TEST);

            assertThat(changed).isTrue();
            assertThat(order.status()).isEqualTo(AUTHORIZED);
            assertThat(order.payment()).isEqualTo(new OrderPayment(Optional.of("payment-1"), 0, 0));
            assertThat(order.uncommittedChanges())
                    .containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED, BY_TEST));
        }

        @Test
        void given_a_pending_order_when_its_payment_is_only_initiated_then_the_payment_is_linked_without_a_status_change() {
            Order order = anOrderWithCheckout().build();

            boolean changed = order.followPayment(new PaymentState("payment-1", PENDING, 0, 0), BY_TEST);

            assertThat(changed).isTrue();
            assertThat(order.payment().paymentId()).contains("payment-1");
            assertThat(order.status()).isEqualTo(PENDING);
            assertThat(order.uncommittedChanges()).isEmpty();
        }

        @Test
        void given_a_linked_payment_when_another_payment_is_reported_then_the_first_stays_linked() {
            Order order = anAuthorizedOrder().build();

            boolean changed = order.followPayment(new PaymentState("payment-2", AUTHORIZED, 0, 0), BY_TEST);

            assertThat(changed).isFalse();
            assertThat(order.payment().paymentId()).contains("payment-1");
        }

        @Test
        void given_a_captured_order_when_a_stale_authorized_payment_is_reported_then_nothing_moves_back() {
            Order order = anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0).build();

            boolean changed = order.followPayment(new PaymentState("payment-1", AUTHORIZED, 0, 0), BY_TEST);

            assertThat(changed).isFalse();
            assertThat(order.status()).isEqualTo(CAPTURED);
            assertThat(order.payment()).isEqualTo(new OrderPayment(Optional.of("payment-1"), 299_00, 0));
            assertThat(order.uncommittedChanges()).isEmpty();
        }

        @Test
        void given_amounts_already_known_when_smaller_ones_are_reported_then_the_amounts_only_grow() {
            Order order = anAuthorizedOrder().withStatus(PARTIALLY_REFUNDED).withPayment("payment-1", 200_00, 50_00)
                    .build();

            boolean changed = order.followPayment(new PaymentState("payment-1", PARTIALLY_CAPTURED, 100_00, 10_00),
                    BY_TEST);

            assertThat(changed).isFalse();
            assertThat(order.payment()).isEqualTo(new OrderPayment(Optional.of("payment-1"), 200_00, 50_00));
            assertThat(order.status()).isEqualTo(PARTIALLY_REFUNDED);
        }

        @Test
        void given_a_partly_captured_order_when_more_is_captured_in_the_same_status_then_only_the_amount_changes() {
            Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                    .build();

            boolean changed = order.followPayment(new PaymentState("payment-1", PARTIALLY_CAPTURED, 150_00, 0),
                    BY_TEST);

            assertThat(changed).isTrue();
            assertThat(order.payment().capturedMinorUnits()).isEqualTo(150_00);
            assertThat(order.uncommittedChanges()).isEmpty();
        }

        @Test
        void given_the_provider_reports_more_captured_than_the_order_amount_then_the_capture_is_capped_at_the_amount() {
            Order order = anAuthorizedOrder().build();

            order.followPayment(new PaymentState("payment-1", CAPTURED, 999_00, 0), BY_TEST);

            assertThat(order.payment().capturedMinorUnits()).isEqualTo(299_00);
        }

        @Test
        void given_the_provider_reports_more_refunded_than_captured_then_the_refund_is_capped_at_what_was_captured() {
            Order order = anAuthorizedOrder().build();

            order.followPayment(new PaymentState("payment-1", PARTIALLY_REFUNDED, 100_00, 150_00), BY_TEST);

            assertThat(order.payment()).isEqualTo(new OrderPayment(Optional.of("payment-1"), 100_00, 100_00));
        }

        @Test
        void given_the_same_payment_reported_twice_then_the_second_report_changes_nothing() {
            Order order = anOrderWithCheckout().build();
            PaymentState captured = new PaymentState("payment-1", CAPTURED, 299_00, 0);
            order.followPayment(captured, BY_TEST);

            boolean changedAgain = order.followPayment(captured, BY_TEST);

            assertThat(changedAgain).isFalse();
            assertThat(order.uncommittedChanges()).hasSize(1);
        }

        @Test
        void given_a_pending_capture_when_the_payment_shows_only_part_of_it_then_it_stays_pending() {
            PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, 100_00, 50_00, NOW);
            Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 50_00, 0)
                    .withPendingOperation(capture).build();

            boolean changed = order.followPayment(new PaymentState("payment-1", PARTIALLY_CAPTURED, 120_00, 0),
                    BY_TEST);

            assertThat(changed).isTrue();
            assertThat(order.pendingOperation()).contains(capture);
        }

        @Test
        void given_a_pending_capture_when_the_payment_shows_it_done_then_it_is_no_longer_pending() {
            Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 50_00, 0)
                    .withPendingOperation(new PendingOperation(PendingOperation.Type.CAPTURE, 100_00, 50_00, NOW))
                    .build();

            order.followPayment(new PaymentState("payment-1", PARTIALLY_CAPTURED, 150_00, 0), BY_TEST);

            assertThat(order.pendingOperation()).isEmpty();
        }

        @Test
        void given_a_pending_refund_when_the_payment_shows_it_done_then_it_is_no_longer_pending() {
            Order order = anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0)
                    .withPendingOperation(new PendingOperation(PendingOperation.Type.REFUND, 299_00, 0, NOW)).build();

            boolean changed = order.followPayment(new PaymentState("payment-1", REFUNDED, 299_00, 299_00), BY_TEST);

            assertThat(changed).isTrue();
            assertThat(order.status()).isEqualTo(REFUNDED);
            assertThat(order.pendingOperation()).isEmpty();
        }

        @Test
        void given_a_pending_void_when_the_payment_is_still_authorized_then_it_stays_pending_and_nothing_changed() {
            PendingOperation cancel = new PendingOperation(PendingOperation.Type.CANCEL, 0, 0, NOW);
            Order order = anAuthorizedOrder().withPendingOperation(cancel).build();

            boolean changed = order.followPayment(new PaymentState("payment-1", AUTHORIZED, 0, 0), BY_TEST);

            assertThat(changed).isFalse();
            assertThat(order.pendingOperation()).contains(cancel);
        }

        @Test
        void given_a_pending_void_when_the_payment_shows_it_cancelled_then_the_order_is_cancelled_and_nothing_pending() {
            Order order = anAuthorizedOrder()
                    .withPendingOperation(new PendingOperation(PendingOperation.Type.CANCEL, 0, 0, NOW)).build();

            boolean changed = order.followPayment(new PaymentState("payment-1", CANCELLED, 0, 0), BY_TEST);

            assertThat(changed).isTrue();
            assertThat(order.status()).isEqualTo(CANCELLED);
            assertThat(order.pendingOperation()).isEmpty();
            assertThat(order.uncommittedChanges())
                    .containsExactly(new StatusChange(order.id(), AUTHORIZED, CANCELLED, BY_TEST));
        }
    }

    @Nested
    class StartingACapture {

        @Test
        void given_an_authorized_order_when_no_amount_is_named_then_all_of_it_is_to_be_captured_and_pending() {
            Order order = anAuthorizedOrder().build();

            Money capture = order.startCapture(Optional.empty(), NOW);

            assertThat(capture).isEqualTo(nok(299_00));
            assertThat(order.pendingOperation())
                    .contains(new PendingOperation(PendingOperation.Type.CAPTURE, 299_00, 0, NOW));
            assertThat(order.status()).isEqualTo(AUTHORIZED);
            assertThat(order.payment().capturedMinorUnits()).isZero();
            assertThat(order.uncommittedChanges()).isEmpty();
        }

        @Test
        void given_an_authorized_order_when_a_part_is_named_then_that_part_is_to_be_captured() {
            Order order = anAuthorizedOrder().build();

            Money capture = order.startCapture(Optional.of(nok(100_00)), NOW);

            assertThat(capture).isEqualTo(nok(100_00));
            assertThat(order.pendingOperation())
                    .contains(new PendingOperation(PendingOperation.Type.CAPTURE, 100_00, 0, NOW));
        }

        @Test
        void given_a_partly_captured_order_when_no_amount_is_named_then_the_rest_is_to_be_captured() {
            Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                    .build();

            Money capture = order.startCapture(Optional.empty(), NOW);

            assertThat(capture).isEqualTo(nok(199_00));
            assertThat(order.pendingOperation())
                    .contains(new PendingOperation(PendingOperation.Type.CAPTURE, 199_00, 100_00, NOW));
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
        @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = {"AUTHORIZED", "PARTIALLY_CAPTURED"})
        void given_an_order_neither_authorized_nor_partly_captured_when_a_capture_starts_then_it_is_refused_naming_the_status(
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
            PendingOperation pending = new PendingOperation(underWay, 50_00, 0, NOW);
            Order order = anAuthorizedOrder().withPendingOperation(pending).build();

            assertThatThrownBy(() -> order.startCapture(Optional.of(nok(10_00)), NOW.plusSeconds(1)))
                    .isInstanceOfSatisfying(IllegalStatusTransitionException.class,
                            refused -> assertThat(refused.current()).isEqualTo(AUTHORIZED))
                    .hasMessageContaining("AUTHORIZED")
                    .hasMessageContaining(underWay.name().toLowerCase(Locale.ROOT) + " is under way");
            assertThat(order.pendingOperation()).contains(pending);
        }
    }

    @Nested
    class StartingARefund {

        @Test
        void given_a_captured_order_when_no_amount_is_named_then_all_of_it_is_to_be_refunded() {
            Order order = anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0).build();

            Money refund = order.startRefund(Optional.empty(), NOW);

            assertThat(refund).isEqualTo(nok(299_00));
            assertThat(order.pendingOperation())
                    .contains(new PendingOperation(PendingOperation.Type.REFUND, 299_00, 0, NOW));
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
                    .contains(new PendingOperation(PendingOperation.Type.REFUND, 200_00, 99_00, NOW));
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
            PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, 199_00, 100_00, NOW);
            Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                    .withPendingOperation(capture).build();

            assertThatThrownBy(() -> order.startRefund(Optional.empty(), NOW))
                    .isInstanceOf(IllegalStatusTransitionException.class)
                    .hasMessageContaining("PARTIALLY_CAPTURED")
                    .hasMessageContaining("capture is under way");
            assertThat(order.pendingOperation()).contains(capture);
        }
    }

    @Nested
    class StartingACancellation {

        @Test
        void given_an_authorized_order_with_nothing_captured_then_its_authorization_is_to_be_voided() {
            Order order = anAuthorizedOrder().build();

            order.startCancel(NOW);

            assertThat(order.pendingOperation())
                    .contains(new PendingOperation(PendingOperation.Type.CANCEL, 0, 0, NOW));
            assertThat(order.status()).isEqualTo(AUTHORIZED);
        }

        @Test
        void given_a_pending_order_with_its_checkout_open_then_its_checkout_is_to_be_closed() {
            Order order = anOrderWithCheckout().build();

            order.startCancel(NOW);

            assertThat(order.pendingOperation())
                    .contains(new PendingOperation(PendingOperation.Type.CANCEL, 0, 0, NOW));
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
            PendingOperation first = new PendingOperation(PendingOperation.Type.CANCEL, 0, 0, NOW);
            Order order = anOrderWithCheckout().withPendingOperation(first).build();

            assertThatThrownBy(() -> order.startCancel(NOW.plusSeconds(1)))
                    .isInstanceOf(IllegalStatusTransitionException.class)
                    .hasMessageContaining("cancel is under way");
            assertThat(order.pendingOperation()).contains(first);
        }
    }

    @Nested
    class CompletingACheckoutCancellation {

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
                    .withPendingOperation(new PendingOperation(PendingOperation.Type.CANCEL, 0, 0, NOW)).build();
            order.settleWithoutPayment(CANCELLED, BY_TEST);

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
            PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, 299_00, 0, NOW);
            Order order = anAuthorizedOrder().withPendingOperation(capture).build();

            assertThatThrownBy(() -> order.completeCheckoutCancellation(BY_TEST))
                    .isInstanceOf(IllegalStatusTransitionException.class);
            assertThat(order.status()).isEqualTo(AUTHORIZED);
            assertThat(order.pendingOperation()).contains(capture);
        }
    }

    @Nested
    class AbandoningAnOperation {

        @Test
        void given_a_pending_capture_when_it_is_abandoned_then_nothing_else_changes_and_a_new_one_may_start() {
            Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                    .withPendingOperation(new PendingOperation(PendingOperation.Type.CAPTURE, 199_00, 100_00, NOW))
                    .build();

            order.abandonOperation();

            assertThat(order.pendingOperation()).isEmpty();
            assertThat(order.status()).isEqualTo(PARTIALLY_CAPTURED);
            assertThat(order.payment()).isEqualTo(new OrderPayment(Optional.of("payment-1"), 100_00, 0));
            assertThat(order.uncommittedChanges()).isEmpty();
            assertThat(order.startCapture(Optional.empty(), NOW.plusSeconds(1))).isEqualTo(nok(199_00));
        }

        @Test
        void given_no_operation_under_way_when_one_is_abandoned_then_nothing_changes() {
            Order order = anAuthorizedOrder().build();

            order.abandonOperation();

            assertThat(order.pendingOperation()).isEmpty();
            assertThat(order.status()).isEqualTo(AUTHORIZED);
        }
    }
}
