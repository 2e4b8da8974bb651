package dev.orderpay.adapter.persistence;

import io.micronaut.core.annotation.Introspected;

/** One currency's sums as the totals query returns them, in minor units. */
@Introspected
record CurrencyTotalsRow(String currency, long authorizedMinor, long capturedMinor, long refundedMinor) {
}
