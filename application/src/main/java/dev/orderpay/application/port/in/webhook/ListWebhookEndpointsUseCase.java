package dev.orderpay.application.port.in.webhook;

import dev.orderpay.domain.webhook.WebhookEndpoint;

import java.util.List;

public interface ListWebhookEndpointsUseCase {

    /** Every endpoint, oldest first: there are few enough to need no pages. */
    List<WebhookEndpoint> listEndpoints();
}
