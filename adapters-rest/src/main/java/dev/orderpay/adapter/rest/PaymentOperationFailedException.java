package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.domain.OrderId;

/**
 * A capture, refund or cancellation the provider did not carry out as asked, with what the merchant needs to know
 * to decide whether to try again.
 *
 * @param outcomeUnknown the order still shows the operation pending: the provider's answer was lost and it may have
 *                       happened, so a retry must wait until the order shows the outcome
 */
final class PaymentOperationFailedException extends RuntimeException {

    private final OrderId orderId;
    private final PaymentProviderException providerFailure;
    private final boolean outcomeUnknown;

    PaymentOperationFailedException(OrderId orderId, PaymentProviderException providerFailure, boolean outcomeUnknown) {
        super("operation on order " + orderId + " failed at the provider", providerFailure);
        this.orderId = orderId;
        this.providerFailure = providerFailure;
        this.outcomeUnknown = outcomeUnknown;
    }

    OrderId orderId() {
        return orderId;
    }

    PaymentProviderException providerFailure() {
        return providerFailure;
    }

    boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
