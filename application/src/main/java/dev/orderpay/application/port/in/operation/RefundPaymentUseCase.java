package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;

public interface RefundPaymentUseCase {

    /**
     * Refunds part or all of an order's captured money; with an idempotency key, as
     * {@link CapturePaymentUseCase#capture} treats one.
     *
     * @throws OrderNotFoundException                if there is no such order
     * @throws IdempotencyKeyReusedException         if the key was used before for a different request
     * @throws IdempotentRequestInProgressException  if the earlier request with the key is still being carried out
     */
    IdempotentResult<PaymentOperationResult> refund(RefundCommand command);
}
