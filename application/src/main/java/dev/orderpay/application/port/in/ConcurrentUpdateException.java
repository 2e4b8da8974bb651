package dev.orderpay.application.port.in;

import dev.orderpay.domain.OrderId;

/** The order kept changing while this request tried to change it; read it again and decide anew. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(OrderId id, Throwable cause) {
        super("order " + id + " changed concurrently", cause);
    }
}
