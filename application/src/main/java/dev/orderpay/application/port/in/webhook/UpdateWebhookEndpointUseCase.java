package dev.orderpay.application.port.in.webhook;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.domain.webhook.WebhookEndpoint;

public interface UpdateWebhookEndpointUseCase {

    /**
     * Applies the changes together, to the endpoint as it stands (a change made meanwhile, such as the delivery
     * engine disabling it, is read first and not overwritten).
     *
     * @return the endpoint as stored
     * @throws InvalidCommandException           naming {@code url} if webhooks may not go to the new one
     * @throws WebhookEndpointNotFoundException  if there is no such endpoint
     * @throws WebhookEndpointBusyException      if it kept changing under the request
     */
    WebhookEndpoint updateEndpoint(UpdateWebhookEndpointCommand command);
}
