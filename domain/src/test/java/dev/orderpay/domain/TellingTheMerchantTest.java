package dev.orderpay.domain;

import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.event.OrderEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.anOrder;
import static dev.orderpay.domain.TestOrders.anOrderWithCheckout;
import static dev.orderpay.domain.TestOrders.nok;
import static dev.orderpay.domain.TestOrders.sessionFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change a merchant cares about gives one event, numbered after the order's latest; a change that changes
 * nothing gives none.
 */
class TellingTheMerchantTest {

    private static final PaymentId PAYMENT = new PaymentId("payment-1");

    @Test
    void when_an_order_is_placed_then_it_tells_nobody_yet() {
        Order order = Order.place(OrderId.newId(), nok(299_00), new Receipt("receipt#1"), Optional.empty(), OrderContents.NONE, NOW);

        assertThat(order.uncommittedEvents()).isEmpty();
        assertThat(order.lastEventSequence()).isZero();
    }

    @Test
    void when_its_checkout_opens_then_the_order_is_announced_as_created() {
        Order order = anOrder().build();

        order.attachSession(sessionFor("S-1"));

        assertThat(order.uncommittedEvents()).containsExactly(event(EventType.ORDER_CREATED, 1));
    }

    @Test
    void when_its_checkout_cannot_be_opened_then_the_order_is_announced_and_then_failed() {
        Order order = anOrder().build();

        order.failCheckout(BY_TEST);

        assertThat(order.uncommittedEvents())
                .containsExactly(event(EventType.ORDER_CREATED, 1), event(EventType.ORDER_FAILED, 2));
    }

    @Test
    void when_the_provider_moves_the_order_then_each_new_status_is_an_event_numbered_after_the_latest() {
        Order order = anOrderWithCheckout().withLastEventSequence(1).build();

        order.followProvider(OrderStatus.ON_HOLD, BY_TEST);
        order.followProvider(OrderStatus.AUTHORIZED, BY_TEST);

        assertThat(order.uncommittedEvents())
                .containsExactly(event(EventType.ORDER_ON_HOLD, 2), event(EventType.ORDER_AUTHORIZED, 3));
        assertThat(order.lastEventSequence()).isEqualTo(3);
    }

    @Test
    void when_a_report_changes_nothing_then_there_is_no_event() {
        Order order = anAuthorizedOrder().withLastEventSequence(2).build();

        order.followProvider(OrderStatus.AUTHORIZED, BY_TEST);
        order.followPayment(state(OrderStatus.AUTHORIZED, 0, 0), BY_TEST);

        assertThat(order.uncommittedEvents()).isEmpty();
        assertThat(order.lastEventSequence()).isEqualTo(2);
    }

    @Test
    void when_a_capture_also_changes_the_status_then_it_is_one_event() {
        Order order = anAuthorizedOrder().withLastEventSequence(2).build();

        order.followPayment(state(OrderStatus.PARTIALLY_CAPTURED, 100_00, 0), BY_TEST);

        assertThat(order.uncommittedEvents()).containsExactly(event(EventType.ORDER_PARTIALLY_CAPTURED, 3));
    }

    @Test
    void when_a_second_partial_capture_leaves_the_status_then_it_is_still_an_event() {
        Order order = anAuthorizedOrder().withStatus(OrderStatus.PARTIALLY_CAPTURED)
                .withPayment("payment-1", 100_00, 0).withLastEventSequence(3).build();

        order.followPayment(state(OrderStatus.PARTIALLY_CAPTURED, 150_00, 0), BY_TEST);

        assertThat(order.uncommittedEvents()).containsExactly(event(EventType.ORDER_PARTIALLY_CAPTURED, 4));
    }

    @Test
    void when_a_second_partial_refund_leaves_the_status_then_it_is_still_an_event() {
        Order order = anAuthorizedOrder().withStatus(OrderStatus.PARTIALLY_REFUNDED)
                .withPayment("payment-1", 299_00, 50_00).withLastEventSequence(4).build();

        order.followPayment(state(OrderStatus.PARTIALLY_REFUNDED, 299_00, 80_00), BY_TEST);

        assertThat(order.uncommittedEvents()).containsExactly(event(EventType.ORDER_PARTIALLY_REFUNDED, 5));
    }

    @ParameterizedTest
    @CsvSource({"15000, ORDER_PARTIALLY_CAPTURED", "29900, ORDER_CAPTURED"})
    void when_a_capture_follows_a_partial_refund_then_the_capture_is_told_while_the_status_stays(
            long captured, EventType told) {
        Order order = anAuthorizedOrder().withStatus(OrderStatus.PARTIALLY_REFUNDED)
                .withPayment("payment-1", 100_00, 40_00).withLastEventSequence(4).build();

        order.followPayment(state(OrderStatus.PARTIALLY_REFUNDED, captured, 40_00), BY_TEST);

        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.uncommittedEvents()).containsExactly(event(told, 5));
    }

    @Test
    void when_one_report_shows_both_more_captured_and_more_refunded_then_each_is_told() {
        Order order = anAuthorizedOrder().withStatus(OrderStatus.PARTIALLY_REFUNDED)
                .withPayment("payment-1", 100_00, 40_00).withLastEventSequence(4).build();

        order.followPayment(state(OrderStatus.PARTIALLY_REFUNDED, 299_00, 60_00), BY_TEST);

        assertThat(order.uncommittedEvents()).containsExactly(event(EventType.ORDER_CAPTURED, 5),
                event(EventType.ORDER_PARTIALLY_REFUNDED, 6));
    }

    @Test
    void when_the_provider_refuses_an_operation_then_the_merchant_is_told_which_one_failed() {
        Order order = anAuthorizedOrder().withLastEventSequence(2).build();
        order.startCapture(Optional.of(nok(100_00)), NOW);
        PendingOperation capture = order.pendingOperation().orElseThrow();

        order.abandonOperation();

        assertThat(order.uncommittedEvents()).containsExactly(
                new OrderEvent(EventType.OPERATION_FAILED, 3, Optional.of(capture)));
    }

    @Test
    void when_an_operation_starts_then_nothing_is_told_until_the_provider_confirms_it() {
        Order order = anAuthorizedOrder().build();

        order.startCapture(Optional.empty(), NOW);
        order.abandonOperation();
        order.abandonOperation();

        assertThat(order.uncommittedEvents()).extracting(OrderEvent::type)
                .containsExactly(EventType.OPERATION_FAILED);
    }

    @Test
    void when_the_buyer_gives_up_then_the_cancellation_is_an_event() {
        Order order = anOrderWithCheckout().withLastEventSequence(1).build();

        order.settleWithoutPayment(CheckoutEnding.CANCELLED, BY_TEST);

        assertThat(order.uncommittedEvents()).containsExactly(event(EventType.ORDER_CANCELLED, 2));
    }

    @Test
    void every_status_but_pending_has_the_event_that_reports_it() {
        List<EventType> reported = java.util.Arrays.stream(OrderStatus.values())
                .filter(status -> status != OrderStatus.PENDING)
                .map(EventType::reporting)
                .toList();

        assertThat(reported).doesNotHaveDuplicates().doesNotContain(EventType.ORDER_CREATED,
                EventType.OPERATION_FAILED, EventType.PING);
    }

    private static OrderEvent event(EventType type, long sequence) {
        return new OrderEvent(type, sequence, Optional.empty());
    }

    private static PaymentState state(OrderStatus status, long captured, long refunded) {
        return new PaymentState(PAYMENT, status, nok(captured), nok(refunded));
    }
}
