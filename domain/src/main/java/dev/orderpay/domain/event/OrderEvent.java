package dev.orderpay.domain.event;

import dev.orderpay.domain.PendingOperation;

import java.util.Objects;
import java.util.Optional;

/**
 * Something an order did that its merchant is told about, as the order records it: what happened and where it stands
 * in the order's own numbering (1, 2, 3... with no gaps), so receivers can put the order's events in order.
 *
 * @param failedOperation for {@link EventType#OPERATION_FAILED}, the capture, refund or cancellation that failed
 */
public record OrderEvent(EventType type, long sequence, Optional<PendingOperation> failedOperation) {

    public OrderEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(failedOperation, "failedOperation");
        if (sequence < 1) {
            throw new IllegalArgumentException("an order's events are numbered from 1");
        }
        if (failedOperation.isPresent() != (type == EventType.OPERATION_FAILED)) {
            throw new IllegalArgumentException("only a failed operation's event names the operation");
        }
    }
}
