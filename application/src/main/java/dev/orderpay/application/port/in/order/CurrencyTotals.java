package dev.orderpay.application.port.in.order;

import java.util.Currency;
import java.util.Objects;

/**
 * Sums in one currency's minor units. Plain numbers rather than {@link dev.orderpay.domain.Money}: a sum over many
 * orders may pass {@link dev.orderpay.domain.Money#MAX_MINOR_UNITS}, which bounds a single payment.
 *
 * @param authorizedMinorUnits the amounts of orders whose payment was authorized (whatever happened next, short of
 *                             the authorization being voided)
 * @param capturedMinorUnits   what was taken
 * @param refundedMinorUnits   what was given back
 */
public record CurrencyTotals(Currency currency, long authorizedMinorUnits, long capturedMinorUnits,
                             long refundedMinorUnits) {

    public CurrencyTotals {
        Objects.requireNonNull(currency, "currency");
    }

    /** What the merchant keeps: captured less refunded. */
    public long netMinorUnits() {
        return capturedMinorUnits - refundedMinorUnits;
    }
}
