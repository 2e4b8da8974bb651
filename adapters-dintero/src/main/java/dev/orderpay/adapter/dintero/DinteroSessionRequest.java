package dev.orderpay.adapter.dintero;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of a session created from a checkout profile: what Dintero requires, where to notify this service,
 * and when the session expires ({@code expires_at}, an RFC 3339 date-time).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record DinteroSessionRequest(Urls url, Order order, String profileId, String expiresAt) {

    /** {@code callbackUrl} is left out when Dintero could not call it (see {@link DinteroCallbackUrl}). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Urls(String returnUrl, @Nullable String callbackUrl) {
    }

    /** {@code amount} in the currency's minor units; Dintero defines it as a 32-bit integer. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record Order(int amount, String currency, String merchantReference) {
    }
}
