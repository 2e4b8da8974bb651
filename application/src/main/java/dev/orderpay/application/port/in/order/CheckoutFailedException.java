package dev.orderpay.application.port.in.order;

import dev.orderpay.domain.Order;

/** The order was stored, but the provider could not open its checkout; the order says FAILED. */
public class CheckoutFailedException extends RuntimeException {

    private final transient Order order;
    private final boolean timedOut;

    /** @param cause the provider's failure, for the log; its message carries no credentials */
    public CheckoutFailedException(Order order, boolean timedOut, Throwable cause) {
        super("could not open a checkout for order " + order.id() + ": " + cause.getMessage(), cause);
        this.order = order;
        this.timedOut = timedOut;
    }

    public Order order() {
        return order;
    }

    /** Whether the provider did not answer in time, rather than answering with a failure. */
    public boolean timedOut() {
        return timedOut;
    }
}
