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

    /**
     * The checkout of an order created earlier had failed: a repeat of the request that created it learns so from
     * the order, with the provider's failure long gone.
     */
    public CheckoutFailedException(Order order) {
        super("the checkout for order " + order.id() + " could not be opened");
        this.order = order;
        this.timedOut = false;
    }

    public Order order() {
        return order;
    }

    /** Whether the provider did not answer in time, rather than answering with a failure. */
    public boolean timedOut() {
        return timedOut;
    }
}
