package dev.orderpay.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static dev.orderpay.domain.OrderStatus.CANCELLED;
import static dev.orderpay.domain.OrderStatus.PARTIALLY_CAPTURED;
import static dev.orderpay.domain.OrderStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingOperationTest {

    private static final Instant NOW = Instant.parse("2026-03-08T13:24:40.818123Z");

    /** 50.00 to capture on top of the 100.00 captured when it started. */
    private final PendingOperation capture = new PendingOperation(PendingOperation.Type.CAPTURE, 50_00, 100_00, NOW);
    /** 30.00 to refund on top of the 20.00 refunded when it started. */
    private final PendingOperation refund = new PendingOperation(PendingOperation.Type.REFUND, 30_00, 20_00, NOW);
    private final PendingOperation cancel = new PendingOperation(PendingOperation.Type.CANCEL, 0, 0, NOW);

    @Test
    void a_capture_is_reflected_once_the_captured_total_reaches_its_baseline_plus_its_amount() {
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, 149_99, 0)).isFalse();
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, 150_00, 0)).isTrue();
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, 180_00, 0)).isTrue();
    }

    @Test
    void a_capture_is_not_reflected_by_the_amount_alone_captured_before_it_started() {
        // 50.00 captured in all would be the capture itself only if nothing had been captured before.
        assertThat(capture.isReflectedIn(PARTIALLY_CAPTURED, 50_00, 0)).isFalse();
    }

    @Test
    void a_capture_is_not_reflected_by_refunds_or_a_status() {
        assertThat(capture.isReflectedIn(CANCELLED, 100_00, 150_00)).isFalse();
    }

    @Test
    void a_refund_is_reflected_once_the_refunded_total_reaches_its_baseline_plus_its_amount() {
        assertThat(refund.isReflectedIn(PARTIALLY_CAPTURED, 299_00, 49_99)).isFalse();
        assertThat(refund.isReflectedIn(PARTIALLY_CAPTURED, 299_00, 50_00)).isTrue();
    }

    @Test
    void a_refund_is_not_reflected_by_more_being_captured() {
        assertThat(refund.isReflectedIn(REFUNDED, 999_00, 20_00)).isFalse();
    }

    @Test
    void a_cancellation_is_reflected_by_the_cancelled_status_only() {
        assertThat(cancel.isReflectedIn(CANCELLED, 0, 0)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(mode = EnumSource.Mode.EXCLUDE, names = "CANCELLED")
    void a_cancellation_is_not_reflected_by_any_other_status(OrderStatus status) {
        assertThat(cancel.isReflectedIn(status, 0, 0)).isFalse();
    }

    @Test
    void given_no_type_or_no_start_time_then_no_operation_can_be_made() {
        assertThatThrownBy(() -> new PendingOperation(null, 1, 0, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PendingOperation(PendingOperation.Type.CAPTURE, 1, 0, null))
                .isInstanceOf(NullPointerException.class);
    }
}
