package dev.orderpay.adapter.dintero;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The body of a session created from a checkout profile: only what Dintero requires. */
@Serdeable(naming = SnakeCaseStrategy.class)
record DinteroSessionRequest(Urls url, Order order, String profileId) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Urls(String returnUrl) {
    }

    /** {@code amount} in the currency's minor units; Dintero defines it as a 32-bit integer. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Order(int amount, String currency, String merchantReference) {
    }
}
