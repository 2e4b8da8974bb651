package dev.orderpay.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;

/** An operation the provider never confirmed is abandoned, so that another may start. */
class AbandoningAnOperationTest {

    @Test
    void given_a_pending_capture_when_it_is_abandoned_then_nothing_else_changes_and_a_new_one_may_start() {
        Order order = anAuthorizedOrder().withStatus(PARTIALLY_CAPTURED).withPayment("payment-1", 100_00, 0)
                .withPendingOperation(new PendingOperation(PendingOperation.Type.CAPTURE, nok(199_00), nok(100_00), NOW))
                .build();

        order.abandonOperation();

        assertThat(order.pendingOperation()).isEmpty();
        assertThat(order.status()).isEqualTo(PARTIALLY_CAPTURED);
        assertThat(order.payment())
                .isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-1")), nok(100_00), nok(0)));
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
