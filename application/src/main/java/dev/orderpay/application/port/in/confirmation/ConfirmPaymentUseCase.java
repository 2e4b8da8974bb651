package dev.orderpay.application.port.in.confirmation;

import dev.orderpay.application.port.in.OrderNotFoundException;

public interface ConfirmPaymentUseCase {

    /**
     * Learns the true outcome of a buyer's return from the provider and applies it to the order. Safe to repeat.
     *
     * @throws OrderNotFoundException if there is no such order
     */
    PaymentConfirmation confirmPayment(ConfirmPaymentCommand command);
}
