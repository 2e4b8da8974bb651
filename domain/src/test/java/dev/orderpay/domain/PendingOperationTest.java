package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.REFUNDED;
import static dev.orderpay.domain.TestOrders.nok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingOperationTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123Z");

    /** 50.00 to capture on top of the 100.00 captured when it started. */
    private final PendingOperation capture =
            new PendingOperation(PendingOperation.Type.CAPTURE, nok(50_00), nok(100_00), NOW);
    /** 30.00 to refund on top of the 20.00 refunded when it started. */
    private final PendingOperation refund =
            new PendingOperation(PendingOperation.Type.REFUND, nok(30_00), nok(20_00), NOW);
    private final PendingOperation cancel = new PendingOperation(PendingOperation.Type.CANCEL, nok(0), nok(0), NOW);

    /** What the payment shows, of an authorization large enough for every case here. */
    private static PaymentLedger ledger(long captured, long refunded) {
        return new PaymentLedger(nok(999_00), nok(captured), nok(refunded));
    }

    @Test
    void a_capture_is_reflected_once_the_captured_total_reaches_its_baseline_plus_its_amount() {
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, ledger(149_99, 0))).isFalse();
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, ledger(150_00, 0))).isTrue();
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, ledger(180_00, 0))).isTrue();
    }

    @Test
    void a_capture_is_not_reflected_by_the_amount_alone_captured_before_it_started() {
        // 50.00 captured in all would be the capture itself only if nothing had been captured before.
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, ledger(50_00, 0))).isFalse();
    }

    @Test
    void a_capture_is_not_reflected_by_refunds_or_a_status() {
        // 100.00 captured and 100.00 refunded do not add up to the 150.00 the capture aims at.
        assertThat(capture.isReflectedIn(CANCELLED, ledger(100_00, 100_00))).isFalse();
    }

    @Test
    void a_refund_is_reflected_once_the_refunded_total_reaches_its_baseline_plus_its_amount() {
        assertThat(refund.isReflectedIn(PARTIALLY_CAPTURED, ledger(299_00, 49_99))).isFalse();
        assertThat(refund.isReflectedIn(PARTIALLY_CAPTURED, ledger(299_00, 50_00))).isTrue();
    }

    @Test
    void a_refund_is_not_reflected_by_more_being_captured() {
        assertThat(refund.isReflectedIn(REFUNDED, ledger(999_00, 20_00))).isFalse();
    }

    @Test
    void a_cancellation_is_reflected_by_the_cancelled_status_only() {
        assertThat(cancel.isReflectedIn(CANCELLED, ledger(0, 0))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "CANCELLED")
    void a_cancellation_is_not_reflected_by_any_other_status(OrderStatus status) {
        assertThat(cancel.isReflectedIn(status, ledger(0, 0))).isFalse();
    }

    @Test
    void given_a_missing_part_or_amounts_in_two_currencies_then_no_operation_can_be_made() {
        assertThatThrownBy(() -> new PendingOperation(null, nok(1), nok(0), NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PendingOperation(PendingOperation.Type.CAPTURE, nok(1), nok(0), null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PendingOperation(PendingOperation.Type.CAPTURE, null, nok(0), NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PendingOperation(PendingOperation.Type.CAPTURE, nok(1), null, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PendingOperation(PendingOperation.Type.CAPTURE, nok(1), Money.of(0, "SEK"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
