package dev.orderpay.adapter.rest.webhook;

import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult.Created;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult.LimitReached;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.net.URI;

/**
 * How registering an endpoint is answered: 201 with the endpoint, or a problem when the limit is reached. The
 * signing secret is in the answer to the request that made it and nowhere else, so the answer recorded for repeats
 * of a request with an idempotency key leaves it out.
 */
public final class WebhookEndpointAnswers {

    private WebhookEndpointAnswers() {
    }

    static MutableHttpResponse<?> withSecret(CreateWebhookEndpointResult result) {
        if (result instanceof Created created) {
            return HttpResponse.created(WebhookEndpointWithSecretResponse.from(created.endpoint(), created.secret()),
                    location(created));
        }
        return limitReached((LimitReached) result);
    }

    public static MutableHttpResponse<?> withoutSecret(CreateWebhookEndpointResult result) {
        if (result instanceof Created created) {
            return HttpResponse.created(WebhookEndpointResponse.from(created.endpoint()), location(created));
        }
        return limitReached((LimitReached) result);
    }

    private static URI location(Created created) {
        return URI.create(WebhookEndpointController.WEBHOOK_ENDPOINTS + "/" + created.endpoint().id());
    }

    // Java 17 has no pattern switch; the result is sealed, so Created and LimitReached are all there are.
    private static MutableHttpResponse<?> limitReached(LimitReached limit) {
        return Problem.of(HttpStatus.CONFLICT, ProblemCode.WEBHOOK_ENDPOINT_LIMIT_REACHED,
                "Webhook endpoint limit reached", "There are " + limit.limit() + " webhook endpoints, the most"
                        + " allowed. Delete one before registering another.").toResponse();
    }
}
