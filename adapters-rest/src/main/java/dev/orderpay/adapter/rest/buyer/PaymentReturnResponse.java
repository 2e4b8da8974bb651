package dev.orderpay.adapter.rest.buyer;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

@Serdeable
@Schema(name = "PaymentReturnResponse", description = "What the buyer is told on coming back from the checkout.")
record PaymentReturnResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "For the buyer, in words")
                             String message,
                             BuyerOrderView order) {
}
