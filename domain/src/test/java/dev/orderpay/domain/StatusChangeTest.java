package dev.orderpay.domain;

import org.junit.jupiter.api.Test;

import static dev.orderpay.domain.OrderStatus.AUTHORIZED;
import static dev.orderpay.domain.OrderStatus.PENDING;
import static dev.orderpay.domain.TestOrders.BY_TEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusChangeTest {

    private final OrderId id = OrderId.newId();

    @Test
    void a_change_keeps_what_brought_it_about() {
        StatusChange change = new StatusChange(id, PENDING, AUTHORIZED, BY_TEST);

        assertThat(change.provenance()).isEqualTo(BY_TEST);
    }

    @Test
    void given_no_provenance_then_no_change_can_be_made() {
        assertThatThrownBy(() -> new StatusChange(id, PENDING, AUTHORIZED, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void given_no_order_or_no_status_then_no_change_can_be_made() {
        assertThatThrownBy(() -> new StatusChange(null, PENDING, AUTHORIZED, BY_TEST))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StatusChange(id, null, AUTHORIZED, BY_TEST))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StatusChange(id, PENDING, null, BY_TEST))
                .isInstanceOf(NullPointerException.class);
    }
}
