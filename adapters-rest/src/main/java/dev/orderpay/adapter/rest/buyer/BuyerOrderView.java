package dev.orderpay.adapter.rest.buyer;

import dev.orderpay.domain.Order;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The order as its buyer sees it on coming back from the checkout. Anyone holding the order's id can open that
 * address, so it carries nothing of the merchant's: no receipt, no captured or refunded amounts, no history.
 */
@Serdeable
@Schema(name = "BuyerOrderView", description = "What the buyer may see of an order: no merchant data.")
record BuyerOrderView(String id,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                              description = "PENDING, ON_HOLD, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED,"
                                      + " PARTIALLY_REFUNDED, REFUNDED, DECLINED, FAILED, CANCELLED or EXPIRED")
                      String status,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                              description = "In the currency's minor units") long amount,
                      String currency) {

    static BuyerOrderView from(Order order) {
        return new BuyerOrderView(order.id().toString(), order.status().name(), order.amount().minorUnits(),
                order.amount().currencyCode());
    }
}
