package dev.orderpay.application.port.out;

import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.PaymentId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A checkout as the provider sees it now.
 *
 * @param paymentId            the payment made in this checkout, if the buyer got that far
 * @param endedWithoutPayment  how the checkout ended, when the provider recorded that it ended without a payment
 * @param expiresAt            when the checkout stops accepting payment, if the provider says
 */
public record CheckoutStatus(Optional<PaymentId> paymentId, Optional<CheckoutEnding> endedWithoutPayment,
                             Optional<Instant> expiresAt) {

    public CheckoutStatus {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(endedWithoutPayment, "endedWithoutPayment");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean hasLapsed(Instant now) {
        return expiresAt.map(deadline -> !deadline.isAfter(now)).orElse(false);
    }
}
