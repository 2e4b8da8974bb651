package dev.orderpay.adapter.rest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Every endpoint, oldest first, in one answer: there are at most ORDERPAY_WEBHOOK_MAX_ENDPOINTS. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "WebhookEndpointList")
record WebhookEndpointListResponse(List<WebhookEndpointResponse> endpoints) {

    static WebhookEndpointListResponse from(List<WebhookEndpoint> endpoints) {
        return new WebhookEndpointListResponse(endpoints.stream().map(WebhookEndpointResponse::from).toList());
    }
}
