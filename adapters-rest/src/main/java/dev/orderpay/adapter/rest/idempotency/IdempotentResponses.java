package dev.orderpay.adapter.rest.idempotency;

import dev.orderpay.adapter.rest.apikey.ApiKeyAnswers;
import dev.orderpay.adapter.rest.operation.PaymentOperationAnswers;
import dev.orderpay.adapter.rest.order.OrderController;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.webhook.WebhookEndpointAnswers;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.access.ApiKey;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answers to requests with an {@code Idempotency-Key}: rendered here for the application to record, by the very
 * functions the routes answer with, and given again to repeats exactly as recorded, marked
 * {@code Idempotent-Replayed: true}. A problem is recorded without its {@code request_id}, which on a repeat names
 * the repeat, as its {@code Request-Id} header does.
 */
@Singleton
public class IdempotentResponses implements IdempotentAnswers {

    private final JsonMapper json;

    IdempotentResponses(JsonMapper json) {
        this.json = json;
    }

    /** The answer to a request: the route's own for what the use case did now, the recorded one for a repeat. */
    public <R> HttpResponse<?> respond(IdempotentResult<R> result, Function<R, ? extends HttpResponse<?>> fresh) {
        if (result instanceof IdempotentResult.Replayed<R> replayed) {
            return replay(replayed.answer());
        }
        return fresh.apply(((IdempotentResult.Executed<R>) result).result());
    }

    @Override
    public RecordedAnswer created(Order order) {
        return record(OrderController.created(order));
    }

    @Override
    public RecordedAnswer checkoutFailed(Order order, boolean timedOut) {
        return record(Problem.checkoutFailed(order.id().toString(), timedOut).toResponse());
    }

    @Override
    public RecordedAnswer operation(PaymentOperationResult result) {
        return record(PaymentOperationAnswers.of(result));
    }

    @Override
    public RecordedAnswer webhookEndpoint(CreateWebhookEndpointResult result) {
        return record(WebhookEndpointAnswers.withoutSecret(result));
    }

    @Override
    public RecordedAnswer apiKey(ApiKey key) {
        return record(ApiKeyAnswers.withoutKey(key));
    }

    private RecordedAnswer record(HttpResponse<?> response) {
        try {
            return new RecordedAnswer(response.code(),
                    Optional.ofNullable(response.getHeaders().get(HttpHeaders.LOCATION)),
                    json.writeValueAsString(response.body()));
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("an answer could not be rendered", cannotHappen);
        }
    }

    private MutableHttpResponse<?> replay(RecordedAnswer answer) {
        MutableHttpResponse<?> response;
        if (answer.status() >= 400) {
            // Read back as a problem, so that it is sent as every problem is: with this request's id.
            response = read(answer.body()).toResponse();
        } else {
            response = HttpResponse.status(HttpStatus.valueOf(answer.status())).body(answer.body())
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        answer.location().ifPresent(location -> response.header(HttpHeaders.LOCATION, location));
        return response.header(IdempotencyHeaders.IDEMPOTENT_REPLAYED, "true");
    }

    private Problem read(String body) {
        try {
            return json.readValue(body, Problem.class);
        } catch (IOException corrupted) {
            throw new UncheckedIOException("a recorded problem could not be read", corrupted);
        }
    }
}
