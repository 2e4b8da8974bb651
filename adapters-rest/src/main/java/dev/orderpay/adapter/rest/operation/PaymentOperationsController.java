package dev.orderpay.adapter.rest.operation;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.OrderIds;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.adapter.rest.input.StrictInput;
import dev.orderpay.adapter.rest.order.OrderResponse;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.application.port.in.operation.CancelOrderUseCase;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.CapturePaymentUseCase;
import dev.orderpay.application.port.in.operation.PaymentOperationResult;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Accepted;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Completed;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.OutcomeUnknown;
import dev.orderpay.application.port.in.operation.PaymentOperationResult.Refused;
import dev.orderpay.application.port.in.operation.RefundCommand;
import dev.orderpay.application.port.in.operation.RefundPaymentUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/**
 * Capturing, refunding and cancelling an order's payment. 200 means the provider did it; 202 means it accepted it
 * for later, and the order shows it pending until a notification or reconciliation sees it done.
 */
@Controller(OrderPaths.ORDERS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@StrictInput
@Tag(name = ApiDocumentation.PAYMENTS)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@ApiResponse(responseCode = "200", description = "Done: the order as it now stands",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = OrderResponse.class)))
@ApiResponse(responseCode = "202", description = "Accepted by the provider for later: the order shows"
        + " pending_operation until it is done",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = OrderResponse.class)))
@SharedProblemResponses.Unauthorized
@SharedProblemResponses.OrderNotFound
@ApiResponse(responseCode = "409", description = "operation_not_allowed: the order's status (current_status), the"
        + " amount left, or an operation under way does not allow it; nothing was asked of the provider."
        + " concurrent_update: the order changed meanwhile; try again",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "502", description = "provider_unavailable: the provider refused or could not be"
        + " reached. If its answer was lost, the detail says the outcome is being confirmed: read the order before"
        + " trying again",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "504", description = "provider_timeout: the provider did not answer in time; the"
        + " outcome is being confirmed: read the order before trying again",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
class PaymentOperationsController {

    private final CapturePaymentUseCase capturePayment;
    private final RefundPaymentUseCase refundPayment;
    private final CancelOrderUseCase cancelOrder;

    PaymentOperationsController(CapturePaymentUseCase capturePayment, RefundPaymentUseCase refundPayment,
                                CancelOrderUseCase cancelOrder) {
        this.capturePayment = capturePayment;
        this.refundPayment = refundPayment;
        this.cancelOrder = cancelOrder;
    }

    @Post("/{id}/capture")
    @Operation(summary = "Capture all or part of what is left of the authorized payment",
            description = "Without a body or an amount, captures all that is left. The provider is asked only if the"
                    + " order allows the capture.")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad amount; malformed_request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    HttpResponse<?> capture(@PathVariable String id, @Body @Nullable CaptureRequest request) {
        Optional<Long> amount = Optional.ofNullable(request).map(CaptureRequest::amount);
        return answer(capturePayment.capture(new CaptureCommand(OrderIds.fromPath(id), amount)));
    }

    @Post("/{id}/refund")
    @Operation(summary = "Refund all or part of the captured money",
            description = "Without an amount, refunds all that was captured and not yet refunded. The provider is"
                    + " asked only if the order allows the refund.")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad amount or reason; malformed_request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    HttpResponse<?> refund(@PathVariable String id, @Body @Nullable RefundRequest request) {
        Optional<Long> amount = Optional.ofNullable(request).map(RefundRequest::amount);
        Optional<String> reason = Optional.ofNullable(request).map(RefundRequest::reason);
        return answer(refundPayment.refund(new RefundCommand(OrderIds.fromPath(id), amount, reason)));
    }

    @Post("/{id}/cancel")
    @Operation(summary = "Cancel: void an authorization nothing was captured from, or close an unpaid checkout",
            description = "Takes no body. An order that holds captured money cannot be cancelled: refund it.")
    HttpResponse<?> cancel(@PathVariable String id) {
        return answer(cancelOrder.cancel(OrderIds.fromPath(id)));
    }

    private static HttpResponse<?> answer(PaymentOperationResult result) {
        String orderId = result.order().id().toString();
        // Java 17 has no pattern switch; the result is sealed, so these four are all there are.
        if (result instanceof Completed done) {
            return HttpResponse.ok(OrderResponse.from(done.order()));
        }
        if (result instanceof Accepted later) {
            return HttpResponse.accepted().body(OrderResponse.from(later.order()));
        }
        if (result instanceof Refused refused) {
            return refusal(refused).aboutOrder(orderId).toResponse();
        }
        OutcomeUnknown unknown = (OutcomeUnknown) result;
        return Problem.ofProvider(unknown.timedOut(), "The payment provider's answer was lost, so it is not known yet"
                + " whether the operation happened. The outcome is being confirmed with the provider, and the order"
                + " shows the operation as pending until then. Do not retry blindly: read the order first.")
                .aboutOrder(orderId).toResponse();
    }

    private static Problem refusal(Refused refused) {
        String status = refused.order().status().name();
        return switch (refused.reason()) {
            case NOT_ALLOWED -> Problem.of(HttpStatus.CONFLICT, ProblemCode.OPERATION_NOT_ALLOWED,
                            "Operation not allowed", "The order is " + status + ": it does not allow this now, not"
                                    + " for this amount, or not while another operation is under way.")
                    .withCurrentStatus(status);
            case CHANGED_CONCURRENTLY -> Problem.concurrentUpdate();
            case PROVIDER_REFUSED, PROVIDER_UNAVAILABLE -> Problem.ofProvider(false, AS_BEFORE);
            case PROVIDER_TIMEOUT -> Problem.ofProvider(true, AS_BEFORE);
        };
    }

    private static final String AS_BEFORE =
            "The payment provider refused the operation or could not be asked. The order is as before.";
}
