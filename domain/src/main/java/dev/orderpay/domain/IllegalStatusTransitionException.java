package dev.orderpay.domain;

/** Thrown when an order is asked to do something its current status does not allow. */
public class IllegalStatusTransitionException extends IllegalStateException {

    private final OrderStatus current;

    public IllegalStatusTransitionException(OrderId orderId, OrderStatus current, String attempted) {
        super("order " + orderId + " is " + current + " and cannot " + attempted);
        this.current = current;
    }

    public OrderStatus current() {
        return current;
    }
}
