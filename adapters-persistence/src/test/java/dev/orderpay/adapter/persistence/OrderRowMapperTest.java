package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestOrders;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRowMapperTest {

    private static final Instant UPDATED_AT = Instant.parse("2026-03-09T08:00:00Z");

    @Test
    void given_an_order_with_a_checkout_when_flattened_then_every_column_holds_its_plain_value() {
        Order order = TestOrders.anOrderWithCheckout()
                .withAmount(Money.of(1_234_50, "SEK"))
                .withStatus(OrderStatus.ON_HOLD)
                .build();

        OrderRow row = OrderRowMapper.toRow(order, 7, UPDATED_AT);

        assertThat(row.id()).isEqualTo(order.id().value());
        assertThat(row.amountMinor()).isEqualTo(1_234_50);
        assertThat(row.currency()).isEqualTo("SEK");
        assertThat(row.receipt()).isEqualTo("receipt#1");
        assertThat(row.status()).isEqualTo("ON_HOLD");
        assertThat(row.sessionId()).isEqualTo("T11223674.testsession");
        assertThat(row.sessionUrl()).isEqualTo("https://checkout.example.test/v1/view/T11223674.testsession");
        assertThat(row.createdAt()).isEqualTo(TestOrders.CREATED_AT);
        assertThat(row.updatedAt()).isEqualTo(UPDATED_AT);
        assertThat(row.version()).isEqualTo(7);
    }

    @Test
    void given_an_order_without_a_checkout_when_flattened_then_both_session_columns_are_empty() {
        OrderRow row = OrderRowMapper.toRow(TestOrders.anOrder().build(), 0, UPDATED_AT);

        assertThat(row.sessionId()).isNull();
        assertThat(row.sessionUrl()).isNull();
    }

    @Test
    void given_a_row_with_a_checkout_when_read_back_then_it_is_the_same_order() {
        Order order = TestOrders.anOrderWithCheckout().withStatus(OrderStatus.CAPTURED).withVersion(3).build();

        Order read = OrderRowMapper.toOrder(OrderRowMapper.toRow(order, order.version(), UPDATED_AT));

        assertThat(read.id()).isEqualTo(order.id());
        assertThat(read.amount()).isEqualTo(order.amount());
        assertThat(read.receipt()).isEqualTo(order.receipt());
        assertThat(read.createdAt()).isEqualTo(order.createdAt());
        assertThat(read.status()).isEqualTo(OrderStatus.CAPTURED);
        assertThat(read.session()).isEqualTo(order.session());
        assertThat(read.version()).isEqualTo(3);
    }

    @Test
    void given_a_row_without_a_checkout_when_read_back_then_the_order_has_no_session() {
        Order read = OrderRowMapper.toOrder(OrderRowMapper.toRow(TestOrders.anOrder().build(), 0, UPDATED_AT));

        assertThat(read.session()).isEmpty();
        assertThat(read.status()).isEqualTo(OrderStatus.PENDING);
    }
}
