package dev.orderpay.application.port.in.maintenance;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.domain.webhook.WebhookDeliveryId;
import dev.orderpay.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.Objects;

/** What became of one delivery in a round. */
public sealed interface DeliveryOutcome {

    WebhookDeliveryId deliveryId();

    WebhookEndpointId endpointId();

    /** The endpoint answered {@code 2xx}. */
    record Delivered(WebhookDeliveryId deliveryId, WebhookEndpointId endpointId, int statusCode)
            implements DeliveryOutcome {
        public Delivered {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(endpointId, "endpointId");
        }
    }

    /**
     * The attempt failed in a way worth trying again, and it will be, at {@code nextAttemptAt}.
     *
     * @param endpointDisabled whether this failure disabled the endpoint (every delivery to it failed for too long)
     */
    record WillRetry(WebhookDeliveryId deliveryId, WebhookEndpointId endpointId, AttemptResult result,
                     Instant nextAttemptAt, boolean endpointDisabled) implements DeliveryOutcome {
        public WillRetry {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        }
    }

    /**
     * Given up for good: the endpoint refused the event ({@code 3xx}, a {@code 4xx} other than 408 and 429), or its
     * last attempt failed.
     *
     * @param endpointDisabled whether this failure disabled the endpoint (every delivery to it failed for too long)
     */
    record Failed(WebhookDeliveryId deliveryId, WebhookEndpointId endpointId, AttemptResult result,
                  boolean endpointDisabled) implements DeliveryOutcome {
        public Failed {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * Nothing was recorded: the endpoint was deleted before the call (its deliveries went with it), the service
     * stopped during the call, or the delivery was no longer pending when its outcome came (another instance took
     * it over after its claim ran out).
     */
    record Dropped(WebhookDeliveryId deliveryId, WebhookEndpointId endpointId, String why) implements DeliveryOutcome {
        public Dropped {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(endpointId, "endpointId");
            Objects.requireNonNull(why, "why");
        }
    }
}
