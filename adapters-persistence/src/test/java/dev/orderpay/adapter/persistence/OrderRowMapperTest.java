package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.TestContents;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PendingOperation;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.TestOrders;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.List;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;

class OrderRowMapperTest {

    private static final Instant UPDATED_AT = Instant.parse("2026-03-09T08:00:00Z");
    private static final Instant HELD_UNTIL = Instant.parse("2026-03-08T13:31:00Z");
    private static final Instant STARTED_AT = Instant.parse("2026-03-08T13:40:00.123456Z");

    @Test
    void given_an_order_with_a_checkout_when_flattened_then_every_column_holds_its_plain_value() {
        Order order = TestOrders.anOrderWithCheckout()
                .withAmount(Money.of(1_234_50, "SEK"))
                .withStatus(OrderStatus.ON_HOLD)
                .build();

        OrderRow row = OrderRowMapper.toRow(order, 7, UPDATED_AT, HELD_UNTIL);

        assertThat(row.id()).isEqualTo(order.id().value());
        assertThat(row.amountMinor()).isEqualTo(1_234_50);
        assertThat(row.currency()).isEqualTo("SEK");
        assertThat(row.receipt()).isEqualTo("receipt#1");
        assertThat(row.status()).isEqualTo("ON_HOLD");
        assertThat(row.sessionId()).isEqualTo("T11223674.testsession");
        assertThat(row.sessionUrl()).isEqualTo("https://checkout.example.test/v1/view/T11223674.testsession");
        assertThat(row.createdAt()).isEqualTo(TestOrders.CREATED_AT);
        assertThat(row.updatedAt()).isEqualTo(UPDATED_AT);
        assertThat(row.creationHeldUntil()).isEqualTo(HELD_UNTIL);
        assertThat(row.version()).isEqualTo(7);
    }

    @Test
    void given_an_order_without_a_checkout_when_flattened_then_both_session_columns_are_empty() {
        OrderRow row = OrderRowMapper.toRow(TestOrders.anOrder().build(), 0, UPDATED_AT, null);

        assertThat(row.sessionId()).isNull();
        assertThat(row.sessionUrl()).isNull();
        assertThat(row.callbackUrl()).isNull();
    }

    @Test
    void given_an_order_with_a_callback_url_when_flattened_and_read_back_then_the_url_is_kept_as_given() {
        Order order = TestOrders.anOrder().withCallbackUrl("https://shop.example/cb?order=1&sig=a%2Fb").build();

        OrderRow row = OrderRowMapper.toRow(order, 0, UPDATED_AT, null);

        assertThat(row.callbackUrl()).isEqualTo("https://shop.example/cb?order=1&sig=a%2Fb");
        assertThat(OrderRowMapper.toOrder(row, List.of()).callbackUrl()).isEqualTo(order.callbackUrl());
    }

    @Test
    void given_a_row_with_a_checkout_when_read_back_then_it_is_the_same_order() {
        Order order = TestOrders.anOrderWithCheckout().withStatus(OrderStatus.CAPTURED).withVersion(3).build();

        Order read = OrderRowMapper.toOrder(OrderRowMapper.toRow(order, order.version(), UPDATED_AT, null), List.of());

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
        Order read = OrderRowMapper.toOrder(OrderRowMapper.toRow(TestOrders.anOrder().build(), 0, UPDATED_AT, null), List.of());

        assertThat(read.session()).isEmpty();
        assertThat(read.status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void given_an_order_with_a_payment_and_an_operation_underway_when_flattened_then_both_fill_their_columns() {
        Order order = Order.rehydrate(OrderId.newId(), Money.of(500_00, "NOK"), new Receipt("receipt#1"), null,
                OrderContents.NONE, TestOrders.CREATED_AT, OrderStatus.PARTIALLY_REFUNDED, TestOrders.sessionFor("S-1"),
                new OrderPayment(Optional.of(new PaymentId("payment-7")), nok(400_00), nok(100_00)),
                new PendingOperation(PendingOperation.Type.REFUND, nok(50_00), nok(100_00), STARTED_AT), 5, 2);

        OrderRow row = OrderRowMapper.toRow(order, 2, UPDATED_AT, null);

        assertThat(row.status()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(row.paymentId()).isEqualTo("payment-7");
        assertThat(row.capturedMinor()).isEqualTo(400_00);
        assertThat(row.refundedMinor()).isEqualTo(100_00);
        assertThat(row.pendingOperation()).isEqualTo("REFUND");
        assertThat(row.pendingAmountMinor()).isEqualTo(50_00);
        assertThat(row.pendingBaselineMinor()).isEqualTo(100_00);
        assertThat(row.pendingStartedAt()).isEqualTo(STARTED_AT);
        assertThat(row.lastEventSequence()).isEqualTo(5);
    }

    @Test
    void given_an_order_without_payment_or_operation_when_flattened_then_nothing_is_captured_and_nothing_pending() {
        OrderRow row = OrderRowMapper.toRow(TestOrders.anOrderWithCheckout().build(), 0, UPDATED_AT, null);

        assertThat(row.paymentId()).isNull();
        assertThat(row.capturedMinor()).isZero();
        assertThat(row.refundedMinor()).isZero();
        assertThat(row.pendingOperation()).isNull();
        assertThat(row.pendingAmountMinor()).isNull();
        assertThat(row.pendingBaselineMinor()).isNull();
        assertThat(row.pendingStartedAt()).isNull();
    }

    @Test
    void given_a_row_with_a_payment_and_a_pending_capture_when_read_back_then_the_order_has_both() {
        OrderRow row = new OrderRow(UUID.randomUUID(), 500_00, "NOK", "receipt#1", null, "AUTHORIZED", "S-1",
                "https://checkout.example.test/v1/view/S-1", "payment-7", 0, 0, "CAPTURE", 200_00L, 0L, STARTED_AT,
                null, TestOrders.CREATED_AT, UPDATED_AT, null, 6, 0, null, null, null, null, Map.of(), 4);

        Order read = OrderRowMapper.toOrder(row, List.of());

        assertThat(read.payment()).isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-7")), nok(0), nok(0)));
        assertThat(read.pendingOperation())
                .contains(new PendingOperation(PendingOperation.Type.CAPTURE, nok(200_00), nok(0), STARTED_AT));
        assertThat(read.status()).isEqualTo(OrderStatus.AUTHORIZED);
        assertThat(read.lastEventSequence()).isEqualTo(6);
        assertThat(read.version()).isEqualTo(4);
    }

    @Test
    void given_a_row_of_a_partly_refunded_payment_when_read_back_then_its_amounts_are_kept() {
        OrderRow row = new OrderRow(UUID.randomUUID(), 500_00, "SEK", "receipt#1", null, "PARTIALLY_REFUNDED", null,
                null, "payment-8", 400_00, 150_00, null, null, null, null, null, TestOrders.CREATED_AT, UPDATED_AT,
                null, 0, 0, null, null, null, null, Map.of(), 0);

        Order read = OrderRowMapper.toOrder(row, List.of());

        assertThat(read.payment()).isEqualTo(new OrderPayment(Optional.of(new PaymentId("payment-8")),
                Money.of(400_00, "SEK"), Money.of(150_00, "SEK")));
        assertThat(read.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_order_with_contents_when_flattened_and_read_back_with_its_lines_then_they_are_the_same() {
        OrderContents contents = TestContents.contentsOf29900();
        Order order = TestOrders.anOrder().withContents(contents).build();

        OrderRow row = OrderRowMapper.toRow(order, 0, UPDATED_AT, null);
        OrderRowMapper.LineColumns columns = OrderRowMapper.toLineColumns(contents.lines());
        List<OrderLineRow> lines = List.of(
                new OrderLineRow(row.id(), 0, columns.lineIds()[0], columns.descriptions()[0],
                        new BigDecimal(columns.quantities()[0]), columns.amounts()[0],
                        new BigDecimal(columns.vats()[0]), columns.vatAmounts()[0], columns.skus()[0],
                        BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, 0),
                new OrderLineRow(row.id(), 1, columns.lineIds()[1], columns.descriptions()[1],
                        new BigDecimal(columns.quantities()[1]), columns.amounts()[1],
                        new BigDecimal(columns.vats()[1]), columns.vatAmounts()[1], columns.skus()[1],
                        BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, 0, 0));

        assertThat(row.lineCount()).isEqualTo(2);
        assertThat(row.customerEmail()).isEqualTo("kari@example.com");
        assertThat(row.metadata()).containsEntry("shop_order", "A-17");
        assertThat(OrderRowMapper.toOrder(row, lines).contents()).isEqualTo(contents);
        assertThat(OrderRowMapper.toListedOrder(row).contents()).isEqualTo(contents.summary());
    }

    @Test
    void given_an_order_without_contents_when_flattened_then_its_contents_columns_are_empty() {
        OrderRow row = OrderRowMapper.toRow(TestOrders.anOrder().build(), 0, UPDATED_AT, null);

        assertThat(row.lineCount()).isZero();
        assertThat(row.customerEmail()).isNull();
        assertThat(row.customer()).isNull();
        assertThat(row.shippingAddress()).isNull();
        assertThat(row.billingAddress()).isNull();
        assertThat(row.metadata()).isEmpty();
        assertThat(OrderRowMapper.toOrder(row, List.of()).contents()).isEqualTo(OrderContents.NONE);
    }
}
