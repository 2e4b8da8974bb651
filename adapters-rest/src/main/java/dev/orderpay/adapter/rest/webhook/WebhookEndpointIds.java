package dev.orderpay.adapter.rest.webhook;

import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

final class WebhookEndpointIds {

    private WebhookEndpointIds() {
    }

    /** A path segment that is not an endpoint id names no resource: that is a 404, not a bad request. */
    static WebhookEndpointId fromPath(String segment) {
        try {
            return WebhookEndpointId.parse(segment);
        } catch (InvalidValueException notAnId) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such webhook endpoint");
        }
    }
}
