package dev.orderpay.adapter.rest;

import dev.orderpay.adapter.rest.Problem.FieldError;
import dev.orderpay.application.port.in.CheckoutFailedException;
import dev.orderpay.application.port.in.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.IdempotentRequestInProgressException;
import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.OrderNotFoundException;
import dev.orderpay.application.port.out.ConcurrentOrderUpdateException;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.application.port.out.UnauthenticNotificationException;
import dev.orderpay.domain.IllegalStatusTransitionException;
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
    static class CheckoutFailed implements ExceptionHandler<CheckoutFailedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CheckoutFailedException failed) {
            LOG.warn("Checkout for order {} failed ({}): {}", failed.order().id(), failed.providerFailure().kind(),
                    failed.providerFailure().getMessage());
            return providerProblem(failed.providerFailure().kind(),
                    "The order was stored with status FAILED: the payment provider could not open its checkout.")
                    .aboutOrder(failed.order().id().toString())
                    .toResponse();
        }
    }

    @Singleton
    static class ProviderFailure implements ExceptionHandler<PaymentProviderException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PaymentProviderException failure) {
            LOG.warn("Payment provider failed on {} ({}): {}", request.getPath(), failure.kind(), failure.getMessage());
            return providerProblem(failure.kind(),
                    "The payment provider could not be asked about this payment. Try again later.").toResponse();
        }
    }

    @Singleton
    static class UnauthenticNotification
            implements ExceptionHandler<UnauthenticNotificationException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnauthenticNotificationException refused) {
            // Adapters word the reason without header values, so no signature or secret is logged.
            LOG.warn("Refused a notification on {}: {}", request.getPath(), refused.getMessage());
            return Problem.of(HttpStatus.UNAUTHORIZED, ProblemCode.NOTIFICATION_UNAUTHENTIC,
                    "Notification not authentic",
                    "The notification could not be shown to come from the payment provider.").toResponse();
        }
    }

    @Singleton
    static class IllegalTransition
            implements ExceptionHandler<IllegalStatusTransitionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IllegalStatusTransitionException illegal) {
            // Also when the amount is more than is left, or another operation is under way: the order refused it.
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.OPERATION_NOT_ALLOWED, "Operation not allowed",
                            "The order is " + illegal.current() + ": it does not allow this now, not for this amount,"
                                    + " or not while another operation is under way.")
                    .withCurrentStatus(illegal.current().name())
                    .toResponse();
        }
    }

    @Singleton
    static class ConcurrentUpdate implements ExceptionHandler<ConcurrentOrderUpdateException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConcurrentOrderUpdateException raced) {
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.CONCURRENT_UPDATE, "Order changed concurrently",
                    "The order was being changed by another request. Try again.").toResponse();
        }
    }

    @Singleton
    static class IdempotencyKeyReused
            implements ExceptionHandler<IdempotencyKeyReusedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, IdempotencyKeyReusedException reused) {
            return Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency key reused", "This Idempotency-Key was used before for a different request."
                            + " Use a new key for a new order.").toResponse();
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

    @Singleton
    static class PaymentOperationFailed
            implements ExceptionHandler<PaymentOperationFailedException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, PaymentOperationFailedException failed) {
            PaymentProviderException failure = failed.providerFailure();
            LOG.warn("Payment provider failed on {} ({}): {}", request.getPath(), failure.kind(), failure.getMessage());
            String detail = failed.outcomeUnknown()
                    ? "The payment provider's answer was lost, so it is not known yet whether the operation happened."
                    + " The outcome is being confirmed with the provider, and the order shows the operation as"
                    + " pending until then. Do not retry blindly: read the order first."
                    : "The payment provider refused the operation or could not be asked. The order is as before.";
            return providerProblem(failure.kind(), detail).aboutOrder(failed.orderId().toString()).toResponse();
        }
    }

    /** A provider that did not answer in time is a gateway timeout; every other provider failure a bad gateway. */
    private static Problem providerProblem(PaymentProviderException.Kind kind, String detail) {
        if (kind == PaymentProviderException.Kind.TIMEOUT) {
            return Problem.of(HttpStatus.GATEWAY_TIMEOUT, ProblemCode.PROVIDER_TIMEOUT, "Payment provider timed out",
                    detail);
        }
        return Problem.of(HttpStatus.BAD_GATEWAY, ProblemCode.PROVIDER_UNAVAILABLE, "Payment provider unavailable",
                detail);
    }
}
