package dev.orderpay.adapter.dintero;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The body of a capture: the amount in minor units (a 32-bit integer to Dintero) and this service's reference
 * for it. No {@code items}: Dintero needs them only for Instabank, a payment product the checkout profile
 * would have to offer, and sessions are opened without order lines to capture by.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
record DinteroCaptureRequest(int amount, String captureReference) {
}
