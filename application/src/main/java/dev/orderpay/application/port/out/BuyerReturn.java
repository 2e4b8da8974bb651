package dev.orderpay.application.port.out;

import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.PaymentId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a buyer's return claims, before anyone believes it.
 *
 * @param paymentId     the provider's payment the return points at, if it names one
 * @param failureHint   how the checkout ended, when the return says the payment did not happen
 */
public record BuyerReturn(Optional<PaymentId> paymentId, Optional<CheckoutEnding> failureHint) {

    public BuyerReturn {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(failureHint, "failureHint");
    }
}
