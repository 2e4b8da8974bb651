package dev.orderpay.application.port.out;

import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.access.ApiKey;

import java.util.Optional;

/**
 * An {@link IdempotentAnswers} for use-case tests: a status and one line naming the result and the order's status,
 * which is all those tests read. The answer is opaque to the application.
 */
public class PlainIdempotentAnswers implements IdempotentAnswers {

    @Override
    public RecordedAnswer created(Order order) {
        return new RecordedAnswer(201, Optional.of("/orders/" + order.id()), "created " + order.id() + " "
                + order.status());
    }

    @Override
    public RecordedAnswer checkoutFailed(Order order, boolean timedOut) {
        return new RecordedAnswer(timedOut ? 504 : 502, Optional.empty(), "checkout failed " + order.id());
    }

    @Override
    public RecordedAnswer operation(PaymentOperationResult result) {
        String reason = result instanceof PaymentOperationResult.Refused refused ? " " + refused.reason() : "";
        return new RecordedAnswer(200, Optional.empty(), result.getClass().getSimpleName() + reason + " "
                + result.order().status() + " captured=" + result.order().payment().captured().minorUnits()
                + " refunded=" + result.order().payment().refunded().minorUnits());
    }

    @Override
    public RecordedAnswer webhookEndpoint(CreateWebhookEndpointResult result) {
        if (result instanceof CreateWebhookEndpointResult.Created created) {
            return new RecordedAnswer(201, Optional.empty(), "endpoint " + created.endpoint().id());
        }
        return new RecordedAnswer(409, Optional.empty(), "limit reached");
    }

    @Override
    public RecordedAnswer apiKey(ApiKey key) {
        return new RecordedAnswer(201, Optional.empty(), "api key " + key.id());
    }
}
