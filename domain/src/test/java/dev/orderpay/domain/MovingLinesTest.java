package dev.orderpay.domain;

import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.LineSelection;
import dev.orderpay.domain.contents.LineShare;
import dev.orderpay.domain.contents.LineShortfall;
import dev.orderpay.domain.contents.TestContents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static dev.orderpay.domain.OrderStatus.CAPTURED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.TestOrders.BY_TEST;
import static dev.orderpay.domain.TestOrders.NOW;
import static dev.orderpay.domain.TestOrders.anAuthorizedOrder;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Captures and refunds by line: what they move, when they are refused, and when the lines' ledgers change. */
class MovingLinesTest {

    private static final PaymentId PAYMENT = new PaymentId("payment-1");

    /** All 3 units of line a, 100.00 NOK with 20.00 VAT. */
    private static final LineMovement CAPTURED_A = new LineMovement("a", new BigDecimal("3"), nok(100_00),
            nok(20_00));

    @Test
    void given_an_order_with_lines_when_a_unit_is_captured_then_the_operation_carries_the_line_and_its_amount() {
        Order order = anOrderWithLines();

        Money capture = order.startCapture(Optional.empty(), List.of(units("a", "1")), NOW);

        assertThat(capture).isEqualTo(nok(33_33));
        assertThat(order.pendingOperation().orElseThrow().lines())
                .containsExactly(new LineMovement("a", BigDecimal.ONE, nok(33_33), nok(6_66)));
        assertThat(order.lineLedgers()).allSatisfy(line -> assertThat(line.captured().isNothing()).isTrue());
    }

    @Test
    void given_a_capture_by_line_pending_when_the_provider_shows_it_done_then_only_that_line_moves() {
        Order order = anOrderWithLines();
        order.startCapture(Optional.empty(), List.of(units("a", "1")), NOW);

        order.followPayment(new PaymentState(PAYMENT, PARTIALLY_CAPTURED, nok(33_33), nok(0)), BY_TEST);

        assertThat(order.pendingOperation()).isEmpty();
        assertThat(order.lineLedgers()).extracting(LineLedger::captured).containsExactly(
                new LineShare(BigDecimal.ONE, nok(33_33), nok(6_66)), LineShare.none(nok(0).currency()));
        assertThat(order.uncommittedLineLedgers()).extracting(LineLedger::lineId).containsExactly("a");
    }

    @Test
    void given_a_capture_by_line_pending_when_it_is_abandoned_then_no_line_moves() {
        Order order = anOrderWithLines();
        order.startCapture(Optional.empty(), List.of(units("a", "1")), NOW);

        order.abandonOperation();

        assertThat(order.lineLedgers()).allSatisfy(line -> assertThat(line.captured().isNothing()).isTrue());
        assertThat(order.uncommittedLineLedgers()).isEmpty();
    }

    @Test
    void given_an_order_with_lines_when_an_amount_alone_is_not_all_that_is_left_then_amount_is_named() {
        Order order = anOrderWithLines();

        assertThatThrownBy(() -> order.startCapture(Optional.of(nok(100_00)), List.of(), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, invalid -> {
                    assertThat(invalid.subject()).isEqualTo("amount");
                    assertThat(invalid.reason()).contains("items");
                });
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_order_with_lines_when_all_that_is_left_is_captured_then_every_line_moves_its_remainder() {
        Order order = anOrderWithLines();

        Money capture = order.startCapture(Optional.of(nok(150_00)), List.of(), NOW);

        assertThat(capture).isEqualTo(nok(150_00));
        assertThat(order.pendingOperation().orElseThrow().lines()).containsExactly(
                new LineMovement("a", new BigDecimal("3"), nok(100_00), nok(20_00)),
                new LineMovement("b", BigDecimal.ONE, nok(50_00), nok(10_00)));
    }

    @Test
    void given_more_of_a_line_than_is_left_when_captured_then_it_is_refused_naming_the_line() {
        Order order = anOrderWithLines();

        assertThatThrownBy(() -> order.startCapture(Optional.empty(), List.of(units("b", "2")), NOW))
                .isInstanceOfSatisfying(LineOverdrawnException.class, refused -> assertThat(refused.shortfall())
                        .isEqualTo(new LineShortfall("b", "capture", "2", "1")));
        assertThat(order.pendingOperation()).isEmpty();
    }

    @Test
    void given_an_order_without_lines_when_items_are_named_then_items_is_named() {
        Order order = anAuthorizedOrder().build();

        assertThatThrownBy(() -> order.startCapture(Optional.empty(), List.of(units("a", "1")), NOW))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.subject()).isEqualTo("items"));
    }

    @Test
    void given_a_line_captured_when_more_of_it_is_refunded_than_was_captured_then_it_is_refused() {
        Order order = anOrderWithLines();
        order.startCapture(Optional.empty(), List.of(units("a", "2")), NOW);
        order.followPayment(new PaymentState(PAYMENT, PARTIALLY_CAPTURED, nok(66_66), nok(0)), BY_TEST);

        assertThatThrownBy(() -> order.startRefund(Optional.empty(), List.of(units("b", "1")), NOW))
                .isInstanceOfSatisfying(LineOverdrawnException.class, refused -> assertThat(refused.shortfall())
                        .isEqualTo(new LineShortfall("b", "refund", "1", "0")));
        Money refund = order.startRefund(Optional.empty(), List.of(), NOW);

        assertThat(refund).isEqualTo(nok(66_66));
        assertThat(order.pendingOperation().orElseThrow().lines())
                .containsExactly(new LineMovement("a", new BigDecimal("2"), nok(66_66), nok(13_33)));
    }

    @Test
    void given_all_captured_by_line_when_a_refund_is_shown_done_then_the_line_shows_it_refunded() {
        Order order = anOrderWithLines();
        order.startCapture(Optional.empty(), NOW);
        order.followPayment(new PaymentState(PAYMENT, CAPTURED, nok(150_00), nok(0)), BY_TEST);
        order.startRefund(Optional.empty(), List.of(new LineSelection("b", Optional.empty(),
                Optional.of(nok(20_00)))), NOW);

        order.followPayment(new PaymentState(PAYMENT, OrderStatus.PARTIALLY_REFUNDED, nok(150_00), nok(20_00)),
                BY_TEST);

        assertThat(order.lineLedgers().get(1).refunded()).isEqualTo(new LineShare(BigDecimal.ZERO, nok(20_00),
                nok(4_00)));
        assertThat(order.lineLedgers().get(0).leftToRefund()).isEqualTo(new LineShare(new BigDecimal("3"),
                nok(100_00), nok(20_00)));
    }

    @Test
    void given_part_captured_and_part_of_that_refunded_when_the_rest_is_captured_then_the_last_units_take_the_rest() {
        Order order = anOrderWithLines();
        order.startCapture(Optional.empty(), List.of(units("a", "2")), NOW);
        order.followPayment(new PaymentState(PAYMENT, PARTIALLY_CAPTURED, nok(66_66), nok(0)), BY_TEST);
        order.startRefund(Optional.empty(), List.of(units("a", "1")), NOW);
        order.followPayment(new PaymentState(PAYMENT, OrderStatus.PARTIALLY_REFUNDED, nok(66_66), nok(33_33)),
                BY_TEST);

        Money rest = order.startCapture(Optional.empty(), List.of(), NOW);

        assertThat(rest).isEqualTo(nok(83_34));
        assertThat(order.pendingOperation().orElseThrow().lines()).containsExactly(
                new LineMovement("a", BigDecimal.ONE, nok(33_34), nok(6_67)),
                new LineMovement("b", BigDecimal.ONE, nok(50_00), nok(10_00)));
        assertThat(order.lineLedgers().get(0).refunded()).isEqualTo(new LineShare(BigDecimal.ONE, nok(33_33),
                nok(6_66)));
    }

    @Test
    void given_lines_already_moved_by_the_pending_capture_when_it_is_shown_done_then_only_the_money_moves() {
        // As a copy read torn between its row and its lines would be: the capture of the rest (line b) still pending
        // on the row, over lines that already show it.
        Order order = anOrderWhoseLinesShow(List.of(CAPTURED_A, new LineMovement("b", BigDecimal.ONE, nok(50_00),
                nok(10_00))), new PendingOperation(PendingOperation.Type.CAPTURE, nok(50_00), nok(100_00), NOW,
                List.of(new LineMovement("b", BigDecimal.ONE, nok(50_00), nok(10_00)))), nok(100_00));
        List<LineLedger> before = order.lineLedgers();

        boolean changed = order.followPayment(new PaymentState(PAYMENT, CAPTURED, nok(150_00), nok(0)), BY_TEST);

        assertThat(changed).isTrue();
        assertThat(order.status()).isEqualTo(CAPTURED);
        assertThat(order.payment().captured()).isEqualTo(nok(150_00));
        assertThat(order.pendingOperation()).isEmpty();
        assertThat(order.lineLedgers()).isEqualTo(before);
        assertThat(order.uncommittedLineLedgers()).isEmpty();
        assertThat(order.doneWithoutItsLines()).map(PendingOperation::type).contains(PendingOperation.Type.CAPTURE);
    }

    @Test
    void given_a_refund_of_two_lines_one_of_which_cannot_take_it_when_shown_done_then_neither_line_moves() {
        // Line a was captured; line b never was, yet the pending refund names it too.
        Order order = anOrderWhoseLinesShow(List.of(CAPTURED_A), new PendingOperation(PendingOperation.Type.REFUND,
                nok(83_33), nok(0), NOW, List.of(new LineMovement("a", BigDecimal.ONE, nok(33_33), nok(6_66)),
                new LineMovement("b", BigDecimal.ONE, nok(50_00), nok(10_00)))), nok(100_00));
        List<LineLedger> before = order.lineLedgers();

        order.followPayment(new PaymentState(PAYMENT, OrderStatus.PARTIALLY_REFUNDED, nok(100_00), nok(83_33)),
                BY_TEST);

        assertThat(order.payment().refunded()).isEqualTo(nok(83_33));
        assertThat(order.pendingOperation()).isEmpty();
        assertThat(order.lineLedgers()).isEqualTo(before);
        assertThat(order.doneWithoutItsLines()).isPresent();
    }

    @Test
    void given_lines_that_can_take_the_operation_when_it_is_shown_done_then_nothing_is_done_without_its_lines() {
        Order order = anOrderWithLines();
        order.startCapture(Optional.empty(), List.of(units("a", "1")), NOW);

        order.followPayment(new PaymentState(PAYMENT, PARTIALLY_CAPTURED, nok(33_33), nok(0)), BY_TEST);

        assertThat(order.doneWithoutItsLines()).isEmpty();
    }

    /**
     * A partly captured order of {@link TestContents#twoLinesOf15000()} as stored: its lines show these captures,
     * its row the captured total and the operation pending.
     */
    private static Order anOrderWhoseLinesShow(List<LineMovement> capturedLines, PendingOperation pending,
                                               Money captured) {
        Order order = anOrderWithLines();
        List<LineLedger> ledgers = order.lineLedgers().stream()
                .map(ledger -> capturedLines.stream().filter(line -> line.lineId().equals(ledger.lineId()))
                        .findFirst()
                        .map(line -> new LineLedger(ledger.line(), line.share(), LineShare.none(nok(0).currency())))
                        .orElse(ledger))
                .toList();
        return Order.rehydrate(order.id(), order.amount(), order.receipt(), null, order.contents(),
                order.createdAt(), PARTIALLY_CAPTURED, order.session().orElseThrow(),
                new OrderPayment(Optional.of(PAYMENT), captured, nok(0)), ledgers, pending, 0, 0);
    }

    private static Order anOrderWithLines() {
        return anAuthorizedOrder().withContents(TestContents.twoLinesOf15000()).build();
    }

    private static LineSelection units(String lineId, String quantity) {
        return new LineSelection(lineId, Optional.of(new BigDecimal(quantity)), Optional.empty());
    }
}
