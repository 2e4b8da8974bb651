package dev.orderpay.application.port.in.idempotency;

/** An earlier request with the same idempotency key is still being processed; try again shortly. */
public class IdempotentRequestInProgressException extends RuntimeException {

    public IdempotentRequestInProgressException() {
        super("a request with this idempotency key is still in progress");
    }
}
