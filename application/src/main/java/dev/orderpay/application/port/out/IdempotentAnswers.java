package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.access.ApiKey;

/**
 * Renders the answers to requests that came with an idempotency key, exactly as their first request was answered,
 * so they can be recorded and given again to repeats. Only the inbound HTTP adapter knows what its answers look
 * like, so it implements this, as it does {@link dev.orderpay.application.port.out.event.EventPayloads}.
 */
public interface IdempotentAnswers {

    /** An order created with its checkout opened. */
    RecordedAnswer created(Order order);

    /** An order stored as FAILED because the provider could not open its checkout. */
    RecordedAnswer checkoutFailed(Order order, boolean timedOut);

    /** How a capture, refund or cancellation ended. */
    RecordedAnswer operation(PaymentOperationResult result);

    /**
     * How registering a webhook endpoint ended, without the endpoint's signing secret: a secret is shown once, to
     * the request that made it, and is never stored with an answer.
     */
    RecordedAnswer webhookEndpoint(CreateWebhookEndpointResult result);

    /** A managed API key as it was created, without the key itself, which only its digest is kept of. */
    RecordedAnswer apiKey(ApiKey key);
}
