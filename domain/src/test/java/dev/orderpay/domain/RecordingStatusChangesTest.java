package dev.orderpay.domain;

import dev.orderpay.domain.contents.OrderContents;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.FAILED;
import static dev.orderpay.domain.OrderStatus.ON_HOLD;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static dev.orderpay.domain.TestOrders.sessionFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each status change is kept, with its provenance, until storage commits it; the version is storage's to advance.
 */
class RecordingStatusChangesTest {

    @Test
    void when_an_order_changes_status_then_its_version_stays_for_storage_to_advance() {
        Order order = anOrderWithCheckout().withVersion(3).build();

        order.followProvider(CAPTURED, BY_TEST);

        assertThat(order.version()).isEqualTo(3);
    }

    @Test
    void when_an_order_is_placed_then_it_has_no_uncommitted_changes() {
        Order order = Order.place(OrderId.newId(), nok(299_00), new Receipt("receipt#1"), Optional.empty(), OrderContents.NONE, NOW);

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

        order.settleWithoutPayment(CheckoutEnding.CANCELLED, hint);
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
        order.settleWithoutPayment(CheckoutEnding.CANCELLED, BY_TEST);
        order.settleWithoutPayment(CheckoutEnding.EXPIRED, BY_TEST);

        assertThat(order.uncommittedChanges()).containsExactly(new StatusChange(order.id(), PENDING, AUTHORIZED, BY_TEST));
    }

    @Test
    void given_a_refused_change_then_nothing_is_kept_uncommitted() {
        Order order = anOrderWithCheckout().build();

        assertThatThrownBy(() -> order.failCheckout(BY_TEST)).isInstanceOf(IllegalStatusTransitionException.class);

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
