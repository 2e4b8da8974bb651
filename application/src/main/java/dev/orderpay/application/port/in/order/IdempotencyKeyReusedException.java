package dev.orderpay.application.port.in.order;

/** The idempotency key was used before for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("the idempotency key was used for a different request");
    }
}
