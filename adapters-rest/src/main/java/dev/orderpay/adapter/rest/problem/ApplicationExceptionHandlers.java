package dev.orderpay.adapter.rest.problem;

import dev.orderpay.adapter.rest.problem.Problem.FieldError;
import dev.orderpay.application.port.in.ConcurrentUpdateException;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.in.event.EventNotFoundException;
import dev.orderpay.application.port.in.order.CheckoutFailedException;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentRequestInProgressException;
import dev.orderpay.domain.InvalidValueException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Turns the exceptions the use cases declare into problem details; one handler bean per exception type. */
@SuppressWarnings("rawtypes") // ExceptionHandler.handle takes a raw HttpRequest; an override cannot add the wildcard
final class ApplicationExceptionHandlers {

    // Provider messages are safe to log: adapters keep credentials and tokens out of them.
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationExceptionHandlers.class);

    private ApplicationExceptionHandlers() {
    }

    @Singleton
    static class InvalidCommand implements ExceptionHandler<InvalidCommandException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidCommandException invalid) {
            return Problem.invalidFields(invalid.fieldErrors().entrySet().stream()
                    .map(error -> new FieldError(error.getKey(), error.getValue()))
                    .toList()).toResponse();
        }
    }

    @Singleton
    static class InvalidValue implements ExceptionHandler<InvalidValueException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidValueException invalid) {
            return Problem.invalidFields(List.of(new FieldError(invalid.subject(), invalid.reason()))).toResponse();
        }
    }

    @Singleton
    static class OrderNotFound implements ExceptionHandler<OrderNotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, OrderNotFoundException notFound) {
            return Problem.of(HttpStatus.NOT_FOUND, ProblemCode.ORDER_NOT_FOUND, "Order not found",
                            "There is no order with this id.")
                    .aboutOrder(notFound.orderId().toString())
                    .toResponse();
        }
    }

    @Singleton
    static class EventNotFound implements ExceptionHandler<EventNotFoundException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, EventNotFoundException notFound) {
            return Problem.of(HttpStatus.NOT_FOUND, ProblemCode.EVENT_NOT_FOUND, "Event not found",
                    "There is no event with this id; events are kept for a limited time.").toResponse();
        }
    }

    @Singleton
    static class CheckoutFailed implements ExceptionHandler<CheckoutFailedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CheckoutFailedException failed) {
            LOG.warn("Checkout for order {} failed: {}", failed.order().id(), failed.getMessage());
            return Problem.checkoutFailed(failed.order().id().toString(), failed.timedOut()).toResponse();
        }
    }

    @Singleton
    static class ConcurrentUpdate implements ExceptionHandler<ConcurrentUpdateException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConcurrentUpdateException raced) {
            return Problem.concurrentUpdate().toResponse();
        }
    }

    @Singleton
    static class IdempotencyKeyReused
            implements ExceptionHandler<IdempotencyKeyReusedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IdempotencyKeyReusedException reused) {
            return Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency key reused", "This Idempotency-Key was used before for a different request (other"
                            + " parameters, another operation or another order). Use a new key for a new request.")
                    .toResponse();
        }
    }

    @Singleton
    static class IdempotentRequestInProgress
            implements ExceptionHandler<IdempotentRequestInProgressException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IdempotentRequestInProgressException busy) {
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                            "Request still in progress", "The first request with this Idempotency-Key is still"
                                    + " being processed. Send this one again shortly.")
                    .toResponse()
                    .header(HttpHeaders.RETRY_AFTER, "1");
        }
    }
}
