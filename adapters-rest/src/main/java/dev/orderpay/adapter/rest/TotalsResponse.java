package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.CurrencyTotals;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Sums per currency, in each currency's minor units; a currency without paid orders is not listed. */
@Serdeable
@Schema(name = "Totals")
record TotalsResponse(List<CurrencyTotal> totals) {

    static TotalsResponse from(List<CurrencyTotals> totals) {
        return new TotalsResponse(totals.stream().map(CurrencyTotal::from).toList());
    }

    @Serdeable
    @Schema(name = "CurrencyTotal")
    record CurrencyTotal(String currency,
                         @Schema(description = "Amounts of orders whose payment was authorized") long authorized,
                         @Schema(description = "What was taken") long captured,
                         @Schema(description = "What was given back") long refunded,
                         @Schema(description = "Captured less refunded") long net) {

        static CurrencyTotal from(CurrencyTotals totals) {
            return new CurrencyTotal(totals.currency().getCurrencyCode(), totals.authorizedMinorUnits(),
                    totals.capturedMinorUnits(), totals.refundedMinorUnits(), totals.netMinorUnits());
        }
    }
}
