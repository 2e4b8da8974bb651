package dev.orderpay.application.port.in.order;

public interface CreateOrderUseCase {

    /**
     * Stores a new order and opens the provider's checkout for it.
     *
     * With an idempotency key, a repeat of an earlier request returns the order that one created, and opens no
     * second checkout.
     *
     * @throws CheckoutFailedException               if the provider could not open the checkout; the order is then
     *                                               stored as FAILED
     * @throws IdempotencyKeyReusedException         if the key was used before for a different request
     * @throws IdempotentRequestInProgressException  if the earlier request with the key is still opening its checkout
     */
    CreatedOrder createOrder(CreateOrderCommand command);
}
