package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.DECLINED;
import static dev.orderpay.domain.OrderStatus.EXPIRED;
import static dev.orderpay.domain.OrderStatus.FAILED;
import static dev.orderpay.domain.OrderStatus.ON_HOLD;
import static dev.orderpay.domain.OrderStatus.PENDING;
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
    @EnumSource(names = {"PENDING", "ON_HOLD", "AUTHORIZED", "CAPTURED"})
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
    void given_an_order_with_a_session_then_it_is_paid_through_that_session_only() {
        Order order = anOrder().withSession(sessionFor("S-1")).build();

        assertThat(order.isPaidThrough("S-1")).isTrue();
        assertThat(order.isPaidThrough("S-2")).isFalse();
        assertThat(order.isPaidThrough(null)).isFalse();
    }

    @Test
    void given_an_order_without_a_session_then_it_is_paid_through_nothing() {
        Order order = anOrder().build();

        assertThat(order.isPaidThrough("S-1")).isFalse();
        assertThat(order.isPaidThrough(null)).isFalse();
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
}
