package dev.orderpay.application.port.out;

import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a buyer's return claims, before anyone believes it.
 *
 * @param paymentId     the provider's payment the return points at, if it names one
 * @param failureHint   CANCELLED, FAILED or DECLINED when the return says the payment did not happen
 */
public record BuyerReturn(Optional<PaymentId> paymentId, Optional<OrderStatus> failureHint) {

    public BuyerReturn {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(failureHint, "failureHint");
    }
}
