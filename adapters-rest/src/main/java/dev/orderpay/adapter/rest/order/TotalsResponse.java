package dev.orderpay.adapter.rest.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderpay.application.port.in.order.CurrencyTotals;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Sums per currency, in each currency's minor units; a currency without paid orders is not listed, and no paid
 * orders at all is an empty list, not a missing one.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Totals")
record TotalsResponse(List<CurrencyTotal> totals) {

    static TotalsResponse from(List<CurrencyTotals> totals) {
        return new TotalsResponse(totals.stream().map(CurrencyTotal::from).toList());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CurrencyTotal")
    record CurrencyTotal(String currency,
                         @Schema(requiredMode = REQUIRED,
                                 description = "Amounts of orders whose payment was authorized") long authorized,
                         @Schema(requiredMode = REQUIRED, description = "What was taken") long captured,
                         @Schema(requiredMode = REQUIRED, description = "What was given back") long refunded,
                         @Schema(requiredMode = REQUIRED, description = "Captured less refunded") long net) {

        static CurrencyTotal from(CurrencyTotals totals) {
            return new CurrencyTotal(totals.currency().getCurrencyCode(), totals.authorizedMinorUnits(),
                    totals.capturedMinorUnits(), totals.refundedMinorUnits(), totals.netMinorUnits());
        }
    }
}
