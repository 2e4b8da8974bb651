package dev.orderpay.application.port.in;

import dev.orderpay.domain.Order;

public interface CreateOrderUseCase {

    /**
     * Stores a new order and opens the provider's checkout for it.
     *
     * @throws CheckoutFailedException if the provider could not open the checkout; the order is then stored
     *                                 as FAILED
     */
    Order createOrder(CreateOrderCommand command);
}
