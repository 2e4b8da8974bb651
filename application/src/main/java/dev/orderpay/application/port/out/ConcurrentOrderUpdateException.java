package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderId;

/** Someone else saved the order first; reload it and decide again. */
public class ConcurrentOrderUpdateException extends RuntimeException {

    public ConcurrentOrderUpdateException(OrderId orderId) {
        this(orderId, null);
    }

    public ConcurrentOrderUpdateException(OrderId orderId, Throwable cause) {
        super("order " + orderId + " was changed concurrently", cause);
    }
}
