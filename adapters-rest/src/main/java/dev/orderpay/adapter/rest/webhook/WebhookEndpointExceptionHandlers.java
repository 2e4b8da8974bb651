package dev.orderpay.adapter.rest.webhook;

import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.application.port.in.webhook.WebhookEndpointBusyException;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns the exceptions the webhook endpoint use cases declare into problem details. */
@SuppressWarnings("rawtypes") // ExceptionHandler.handle takes a raw HttpRequest; an override cannot add the wildcard
final class WebhookEndpointExceptionHandlers {

    private WebhookEndpointExceptionHandlers() {
    }

    @Singleton
    static class NotFound implements ExceptionHandler<WebhookEndpointNotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, WebhookEndpointNotFoundException notFound) {
            return Problem.of(HttpStatus.NOT_FOUND, ProblemCode.WEBHOOK_ENDPOINT_NOT_FOUND,
                    "Webhook endpoint not found", "There is no webhook endpoint with this id.").toResponse();
        }
    }

    @Singleton
    static class Busy implements ExceptionHandler<WebhookEndpointBusyException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, WebhookEndpointBusyException busy) {
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.CONCURRENT_UPDATE,
                    "Webhook endpoint changed concurrently",
                    "The webhook endpoint kept changing while this request tried to change it. Nothing of this"
                            + " request was saved; read it and try again.").toResponse();
        }
    }
}
