package dev.orderpay.domain;

import org.junit.jupiter.api.Test;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_REFUNDED;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once an operation is no longer pending, the order's status and amounts tell whether it happened or was let go:
 * what a repeated request with an idempotency key answers from.
 */
class TellingWhetherAnOperationHappenedTest {

    private static final PendingOperation CAPTURE_OF_100_FROM_NOTHING =
            new PendingOperation(PendingOperation.Type.CAPTURE, nok(100_00), nok(0), NOW);

    @Test
    void given_a_capture_the_payment_now_shows_then_the_order_shows_it_done() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0).build();

        assertThat(order.shows(CAPTURE_OF_100_FROM_NOTHING)).isTrue();
    }

    @Test
    void given_a_capture_that_was_let_go_then_the_order_does_not_show_it() {
        Order order = anAuthorizedOrder().build();

        assertThat(order.shows(CAPTURE_OF_100_FROM_NOTHING)).isFalse();
    }

    @Test
    void given_a_later_capture_than_one_that_was_let_go_then_the_earlier_baseline_is_what_counts() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0).build();
        PendingOperation secondCapture = new PendingOperation(PendingOperation.Type.CAPTURE, nok(100_00), nok(100_00),
                NOW);

        assertThat(order.shows(secondCapture)).isFalse();
    }

    @Test
    void given_a_refund_the_payment_shows_then_the_order_shows_it_done() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_REFUNDED).withPayment("payment-1", 299_00, 50_00)
                .build();
        PendingOperation refund = new PendingOperation(PendingOperation.Type.REFUND, nok(50_00), nok(0), NOW);

        assertThat(order.shows(refund)).isTrue();
    }

    @Test
    void given_a_cancellation_then_only_a_cancelled_order_shows_it() {
        PendingOperation cancel = new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW);

        assertThat(anAuthorizedOrder().withStatus(CANCELLED).build().shows(cancel)).isTrue();
        assertThat(anAuthorizedOrder().withStatus(AUTHORIZED).build().shows(cancel)).isFalse();
        assertThat(anAuthorizedOrder().withStatus(CAPTURED).withPayment("payment-1", 299_00, 0).build().shows(cancel))
                .isFalse();
    }
}
