package dev.orderpay.application.port.in.order;

import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.domain.Order;

public interface CreateOrderUseCase {

    /**
     * Stores a new order and opens the provider's checkout for it.
     *
     * With an idempotency key, a repeat of an earlier request gets that request's answer again (the order it
     * created, or the failure to open its checkout) and opens no second checkout.
     *
     * @throws CheckoutFailedException               if the provider could not open the checkout; the order is then
     *                                               stored as FAILED
     * @throws IdempotencyKeyReusedException         if the key was used before for a different request
     * @throws IdempotentRequestInProgressException  if the earlier request with the key is still opening its checkout
     */
    IdempotentResult<Order> createOrder(CreateOrderCommand command);
}
