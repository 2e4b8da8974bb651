package dev.orderpay.domain;

import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.TestContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.FAILED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static dev.orderpay.domain.TestOrders.sessionFor;
import static org.assertj.core.api.Assertions.assertThat;

/** An order read from storage is taken as stored, without replaying any rule. */
class RehydratingAnOrderTest {

    @Test
    void when_an_order_is_rehydrated_then_it_keeps_everything_as_given_without_checking_rules() {
        OrderId id = OrderId.newId();
        Money amount = Money.of(1_500, "JPY");
        Receipt receipt = new Receipt("r-42");
        PaymentSession session = sessionFor("S-9");

        // FAILED with a session cannot be reached through the rules, yet storage is taken at its word.
        Order order = Order.rehydrate(id, amount, receipt, null, OrderContents.NONE, NOW, FAILED, session, OrderPayment.none(amount.currency()),
                null, 3, 7);

        assertThat(order.id()).isEqualTo(id);
        assertThat(order.amount()).isEqualTo(amount);
        assertThat(order.receipt()).isEqualTo(receipt);
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(order.status()).isEqualTo(FAILED);
        assertThat(order.session()).contains(session);
        assertThat(order.lastEventSequence()).isEqualTo(3);
        assertThat(order.version()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource
    void when_an_order_is_rehydrated_in_any_status_then_it_has_no_uncommitted_changes(OrderStatus status) {
        Order order = anOrderWithCheckout().withStatus(status).build();

        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void when_an_order_is_rehydrated_with_its_payment_and_an_operation_then_it_keeps_both_as_given() {
        OrderPayment payment = new OrderPayment(Optional.of(new PaymentId("payment-9")), nok(100_00), nok(40_00));
        PendingOperation refund = new PendingOperation(PendingOperation.Type.REFUND, nok(10_00), nok(40_00), NOW);

        Order order = Order.rehydrate(OrderId.newId(), nok(299_00), new Receipt("r-1"), null, OrderContents.NONE, NOW,
                PARTIALLY_REFUNDED, sessionFor("S-1"), payment, refund, 2, 4);

        assertThat(order.payment()).isEqualTo(payment);
        assertThat(order.pendingOperation()).contains(refund);
        assertThat(order.status()).isEqualTo(PARTIALLY_REFUNDED);
        assertThat(order.version()).isEqualTo(4);
        assertThat(order.uncommittedChanges()).isEmpty();
    }

    @Test
    void given_stored_contents_when_an_order_is_rehydrated_then_it_carries_them() {
        OrderContents contents = TestContents.contentsOf29900();

        Order order = Order.rehydrate(OrderId.newId(), nok(299_00), new Receipt("r-1"), null, contents, NOW,
                PENDING, null, OrderPayment.none(nok(0).currency()), null, 0, 0);

        assertThat(order.contents()).isEqualTo(contents);
    }
}
