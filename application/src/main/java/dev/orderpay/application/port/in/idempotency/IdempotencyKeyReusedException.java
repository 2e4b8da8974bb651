package dev.orderpay.application.port.in.idempotency;

/**
 * The idempotency key was used before for a different request: other parameters, another operation, or the same
 * operation on another order.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("the idempotency key was used for a different request");
    }
}
