package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.domain.OrderId;

public interface CancelOrderUseCase {

    /**
     * Voids an authorization nothing was captured from, or closes a checkout nobody has paid.
     *
     * @throws OrderNotFoundException if there is no such order
     * @throws dev.orderpay.domain.IllegalStatusTransitionException if the order does not allow it
     * @throws dev.orderpay.application.port.out.PaymentProviderException if the provider refused or could not be
     *                                                                    asked; the order is as before
     */
    PaymentOperationResult cancel(OrderId orderId);
}
