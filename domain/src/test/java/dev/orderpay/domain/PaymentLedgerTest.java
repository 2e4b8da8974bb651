package dev.orderpay.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The money of an order's payment: what is left to capture and refund, and how confirmed amounts are taken in. */
class PaymentLedgerTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123Z");

    /** 299.00 NOK authorized, of which 100.00 captured, of which 30.00 refunded. */
    private final PaymentLedger ledger = ledger(100_00, 30_00);

    private static PaymentLedger ledger(long captured, long refunded) {
        return new PaymentLedger(nok(299_00), nok(captured), nok(refunded));
    }

    /** Thrown where the order would name its status; the ledger only says why. */
    private static IllegalStateException refused(String why) {
        return new IllegalStateException(why);
    }

    @Test
    void what_is_left_to_capture_is_what_was_authorized_less_what_was_captured() {
        assertThat(ledger.leftToCapture()).isEqualTo(nok(199_00));
    }

    @Test
    void what_is_left_to_refund_is_what_was_captured_less_what_was_refunded() {
        assertThat(ledger.leftToRefund()).isEqualTo(nok(70_00));
    }

    @Test
    void given_all_captured_and_all_refunded_then_the_ledger_holds_and_nothing_is_left() {
        PaymentLedger settled = ledger(299_00, 299_00);

        assertThat(settled.leftToCapture().isZero()).isTrue();
        assertThat(settled.leftToRefund().isZero()).isTrue();
    }

    @Test
    void given_more_captured_than_authorized_then_no_ledger_can_be_made() {
        assertThatThrownBy(() -> ledger(299_01, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_more_refunded_than_captured_then_no_ledger_can_be_made() {
        assertThatThrownBy(() -> ledger(100_00, 100_01)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_amounts_in_more_than_one_currency_then_no_ledger_can_be_made() {
        assertThatThrownBy(() -> new PaymentLedger(nok(299_00), Money.of(0, "SEK"), nok(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentLedger(nok(299_00), nok(0), Money.of(0, "SEK")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void given_a_missing_amount_then_no_ledger_can_be_made() {
        assertThatThrownBy(() -> new PaymentLedger(null, nok(0), nok(0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentLedger(nok(1), null, nok(0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PaymentLedger(nok(1), nok(0), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void when_no_capture_amount_is_named_then_all_that_is_left_is_to_be_captured() {
        assertThat(ledger.toCapture(Optional.empty(), PaymentLedgerTest::refused)).isEqualTo(nok(199_00));
    }

    @Test
    void when_a_capture_of_at_most_what_is_left_is_named_then_that_is_to_be_captured() {
        assertThat(ledger.toCapture(Optional.of(nok(50_00)), PaymentLedgerTest::refused)).isEqualTo(nok(50_00));
        assertThat(ledger.toCapture(Optional.of(nok(199_00)), PaymentLedgerTest::refused)).isEqualTo(nok(199_00));
    }

    @Test
    void when_a_capture_of_more_than_is_left_is_named_then_it_is_refused_saying_what_is_left() {
        assertThatThrownBy(() -> ledger.toCapture(Optional.of(nok(199_01)), PaymentLedgerTest::refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("capture 199.01 NOK: only 199.00 NOK is left");
    }

    @Test
    void when_a_capture_in_another_currency_is_named_then_it_is_refused_naming_both() {
        assertThatThrownBy(() -> ledger.toCapture(Optional.of(Money.of(10_00, "SEK")), PaymentLedgerTest::refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("capture in SEK: the order is in NOK");
    }

    @Test
    void given_everything_captured_when_a_capture_is_asked_for_then_it_is_refused_as_nothing_is_left() {
        assertThatThrownBy(() -> ledger(299_00, 0).toCapture(Optional.empty(), PaymentLedgerTest::refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("capture: nothing is left");
    }

    @Test
    void when_a_capture_of_nothing_is_named_then_it_is_invalid_input() {
        assertThatThrownBy(() -> ledger.toCapture(Optional.of(nok(0)), PaymentLedgerTest::refused))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void when_no_refund_amount_is_named_then_all_that_is_captured_and_not_yet_refunded_is_to_be_refunded() {
        assertThat(ledger.toRefund(Optional.empty(), PaymentLedgerTest::refused)).isEqualTo(nok(70_00));
    }

    @Test
    void when_a_refund_of_more_than_is_left_is_named_then_it_is_refused_saying_what_is_left() {
        assertThatThrownBy(() -> ledger.toRefund(Optional.of(nok(70_01)), PaymentLedgerTest::refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refund 70.01 NOK: only 70.00 NOK is left");
    }

    @Test
    void given_nothing_captured_when_a_refund_is_asked_for_then_it_is_refused_as_nothing_is_left() {
        assertThatThrownBy(() -> ledger(0, 0).toRefund(Optional.of(nok(1_00)), PaymentLedgerTest::refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refund: nothing is left");
    }

    @Test
    void when_larger_totals_are_confirmed_then_the_ledger_takes_them() {
        assertThat(ledger.follow(nok(150_00), nok(40_00))).isEqualTo(ledger(150_00, 40_00));
    }

    @Test
    void when_smaller_totals_are_confirmed_then_they_are_an_older_report_and_change_nothing() {
        assertThat(ledger.follow(nok(50_00), nok(10_00))).isEqualTo(ledger);
    }

    @Test
    void when_more_than_was_authorized_is_confirmed_captured_then_captured_stops_at_what_was_authorized() {
        assertThat(ledger.follow(nok(999_00), nok(30_00))).isEqualTo(ledger(299_00, 30_00));
    }

    @Test
    void when_more_refunded_than_captured_is_confirmed_then_refunded_stops_at_what_is_captured_by_then() {
        assertThat(ledger.follow(nok(120_00), nok(150_00))).isEqualTo(ledger(120_00, 120_00));
    }

    @Test
    void when_totals_in_another_currency_are_confirmed_then_they_are_refused() {
        assertThatThrownBy(() -> ledger.follow(Money.of(150_00, "SEK"), Money.of(0, "SEK")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_pending_capture_shows_once_captured_reaches_what_it_was_when_it_started_plus_its_amount() {
        PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, nok(50_00), nok(100_00), NOW);

        assertThat(ledger(149_99, 0).reflects(capture)).isFalse();
        assertThat(ledger(150_00, 0).reflects(capture)).isTrue();
    }

    @Test
    void a_pending_refund_shows_once_refunded_reaches_what_it_was_when_it_started_plus_its_amount() {
        PendingOperation refund = new PendingOperation(PendingOperation.Type.REFUND, nok(40_00), nok(30_00), NOW);

        assertThat(ledger(299_00, 69_99).reflects(refund)).isFalse();
        assertThat(ledger(299_00, 70_00).reflects(refund)).isTrue();
    }

    @Test
    void a_pending_cancellation_moves_no_money_so_it_never_shows_in_the_ledger() {
        PendingOperation cancel = new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW);

        assertThat(ledger(0, 0).reflects(cancel)).isFalse();
    }
}
