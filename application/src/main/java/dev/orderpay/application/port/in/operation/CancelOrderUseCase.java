package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;

public interface CancelOrderUseCase {

    /**
     * Voids an authorization nothing was captured from, or closes a checkout nobody has paid; with an idempotency
     * key, as {@link CapturePaymentUseCase#capture} treats one.
     *
     * @throws OrderNotFoundException                if there is no such order
     * @throws IdempotencyKeyReusedException         if the key was used before for a different request
     * @throws IdempotentRequestInProgressException  if the earlier request with the key is still being carried out
     */
    IdempotentResult<PaymentOperationResult> cancel(CancelCommand command);
}
