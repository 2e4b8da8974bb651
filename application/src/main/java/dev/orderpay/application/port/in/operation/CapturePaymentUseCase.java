package dev.orderpay.application.port.in.operation;

import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;

public interface CapturePaymentUseCase {

    /**
     * Captures part or all of what is left of an order's authorized payment. With an idempotency key, a repeat of an
     * answered request gets its answer again and the provider is asked once; a repeat of one whose outcome was not
     * known reads the payment from the provider before it answers.
     *
     * @throws OrderNotFoundException                if there is no such order
     * @throws IdempotencyKeyReusedException         if the key was used before for a different request
     * @throws IdempotentRequestInProgressException  if the earlier request with the key is still being carried out
     */
    IdempotentResult<PaymentOperationResult> capture(CaptureCommand command);
}
