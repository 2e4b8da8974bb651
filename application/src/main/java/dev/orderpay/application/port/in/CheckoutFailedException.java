package dev.orderpay.application.port.in;

import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.domain.Order;

/** The order was stored, but the provider could not open its checkout; the order says FAILED. */
public class CheckoutFailedException extends RuntimeException {

    private final transient Order order;

    public CheckoutFailedException(Order order, PaymentProviderException cause) {
        super("could not open a checkout for order " + order.id() + ": " + cause.getMessage(), cause);
        this.order = order;
    }

    public Order order() {
        return order;
    }

    public PaymentProviderException providerFailure() {
        return (PaymentProviderException) getCause();
    }
}
