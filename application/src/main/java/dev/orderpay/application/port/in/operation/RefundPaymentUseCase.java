package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.OrderNotFoundException;

public interface RefundPaymentUseCase {

    /**
     * Refunds part or all of an order's captured money.
     *
     * @throws OrderNotFoundException if there is no such order
     * @throws dev.orderpay.domain.IllegalStatusTransitionException if the order does not allow it
     * @throws dev.orderpay.application.port.out.PaymentProviderException if the provider refused or could not be
     *                                                                    asked; the order is as before
     */
    PaymentOperationResult refund(RefundCommand command);
}
