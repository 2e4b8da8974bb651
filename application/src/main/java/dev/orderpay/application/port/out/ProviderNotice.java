package dev.orderpay.application.port.out;

import dev.orderpay.domain.CheckoutEnding;
import dev.orderpay.domain.PaymentId;

import java.util.Objects;
import java.util.Optional;

/**
 * What an authenticated notification claims. Like a buyer's return it only points: the payment it names is
 * fetched and checked before anything changes.
 *
 * @param deliveryId  the provider's id of this delivery, the same on every retry of it
 * @param paymentId   the payment it is about, if it names one
 * @param failureHint how the checkout ended, when it reports a checkout that ended without payment
 * @param eventId     the provider's id of the event reported (a capture, say), if any
 */
public record ProviderNotice(Optional<String> deliveryId, Optional<PaymentId> paymentId,
                             Optional<CheckoutEnding> failureHint, Optional<String> eventId) {

    public ProviderNotice {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(failureHint, "failureHint");
        Objects.requireNonNull(eventId, "eventId");
    }
}
