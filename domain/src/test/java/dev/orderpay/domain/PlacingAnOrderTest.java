package dev.orderpay.domain;

import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.TestContents;
import dev.orderpay.domain.webhook.CallbackUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.FAILED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static dev.orderpay.domain.TestOrders.sessionFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order is placed pending, gets one checkout while pending, or fails if none can be opened. */
class PlacingAnOrderTest {

    @Test
    void when_an_order_is_placed_then_it_is_pending_without_a_checkout_at_version_zero() {
        OrderId id = OrderId.newId();

        Order order = Order.place(id, nok(299_00), new Receipt("receipt#1"), Optional.empty(), OrderContents.NONE, NOW);

        assertThat(order.id()).isEqualTo(id);
        assertThat(order.amount()).isEqualTo(nok(299_00));
        assertThat(order.receipt()).isEqualTo(new Receipt("receipt#1"));
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(order.status()).isEqualTo(PENDING);
        assertThat(order.session()).isEmpty();
        assertThat(order.version()).isZero();
    }

    @Test
    void when_an_order_is_placed_with_a_callback_url_then_it_keeps_it_and_without_one_has_none() {
        CallbackUrl callback = CallbackUrl.parse("https://shop.example/orders/callback?token=t1");

        Order order = Order.place(OrderId.newId(), nok(299_00), new Receipt("receipt#1"), Optional.of(callback), OrderContents.NONE, NOW);

        assertThat(order.callbackUrl()).contains(callback);
        assertThat(anOrder().build().callbackUrl()).isEmpty();
    }

    @Test
    void given_contents_whose_lines_add_up_when_an_order_is_placed_then_it_carries_them() {
        OrderContents contents = TestContents.contentsOf29900();

        Order order = Order.place(OrderId.newId(), nok(299_00), new Receipt("receipt#1"), Optional.empty(), contents,
                NOW);

        assertThat(order.contents()).isEqualTo(contents);
        assertThat(anOrder().build().contents()).isEqualTo(OrderContents.NONE);
    }

    @Test
    void given_lines_that_do_not_add_up_when_an_order_is_placed_then_items_is_named() {
        assertThatThrownBy(() -> Order.place(OrderId.newId(), nok(300_00), new Receipt("receipt#1"),
                Optional.empty(), TestContents.contentsOf29900(), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("items"));
    }

    @Test
    void when_an_order_is_placed_then_it_has_no_payment_and_no_operation_under_way() {
        Order order = Order.place(OrderId.newId(), nok(299_00), new Receipt("receipt#1"), Optional.empty(), OrderContents.NONE, NOW);

        assertThat(order.payment()).isEqualTo(new OrderPayment(Optional.empty(), nok(0), nok(0)));
        assertThat(order.pendingOperation()).isEmpty();
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
}
