package dev.orderpay.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A capture, refund or cancellation this service has asked the provider for and not yet seen reflected in the
 * payment. While one is pending, no other may start: two requests can never both spend the same money.
 *
 * @param amountMinorUnits   how much is captured or refunded (0 for a cancellation)
 * @param baselineMinorUnits the captured (or refunded) total when the operation started, so its effect can be told
 */
public record PendingOperation(Type type, long amountMinorUnits, long baselineMinorUnits, Instant startedAt) {

    public enum Type {
        CAPTURE, REFUND, CANCEL
    }

    public PendingOperation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Whether the provider's payment shows this operation done. */
    boolean isReflectedIn(OrderStatus status, long capturedMinorUnits, long refundedMinorUnits) {
        return switch (type) {
            case CAPTURE -> capturedMinorUnits >= baselineMinorUnits + amountMinorUnits;
            case REFUND -> refundedMinorUnits >= baselineMinorUnits + amountMinorUnits;
            case CANCEL -> status == OrderStatus.CANCELLED;
        };
    }
}
