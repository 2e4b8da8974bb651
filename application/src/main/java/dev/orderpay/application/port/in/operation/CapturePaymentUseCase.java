package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.OrderNotFoundException;

public interface CapturePaymentUseCase {

    /**
     * Captures part or all of what is left of an order's authorized payment.
     *
     * @throws OrderNotFoundException if there is no such order
     * @throws dev.orderpay.domain.IllegalStatusTransitionException if the order does not allow it (nothing is asked
     *                                                              of the provider then)
     * @throws dev.orderpay.application.port.out.PaymentProviderException if the provider refused or could not be
     *                                                                    asked; the order is as before
     */
    PaymentOperationResult capture(CaptureCommand command);
}
