package dev.orderpay.adapter.rest.operation;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.OrderIds;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.adapter.rest.audit.Actors;
import dev.orderpay.adapter.rest.input.StrictInput;
import dev.orderpay.adapter.rest.order.OrderResponse;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.adapter.rest.idempotency.IdempotentResponses;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.application.port.in.operation.CancelCommand;
import dev.orderpay.application.port.in.operation.CancelOrderUseCase;
import dev.orderpay.application.port.in.operation.CaptureCommand;
import dev.orderpay.application.port.in.operation.CapturePaymentUseCase;
import dev.orderpay.application.port.in.operation.OperationItem;
import dev.orderpay.application.port.in.operation.RefundCommand;
import dev.orderpay.application.port.in.operation.RefundPaymentUseCase;
import dev.orderpay.adapter.rest.security.RequiredScopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/**
 * Capturing, refunding and cancelling an order's payment. 200 means the provider did it; 202 means it accepted it
 * for later, and the order shows it pending until a notification or reconciliation sees it done. With an
 * {@code Idempotency-Key}, a repeat gets the first answer again and the provider is asked once.
 */
@Controller(OrderPaths.ORDERS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(RequiredScopes.PAYMENTS_WRITE)
@StrictInput
@Tag(name = ApiDocumentation.PAYMENTS)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@ApiResponse(responseCode = "200", description = "Done: the order as it now stands (as it stood then, when replayed)",
        headers = @Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                schema = @Schema(type = "string", allowableValues = "true")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = OrderResponse.class)))
@ApiResponse(responseCode = "202", description = "Accepted by the provider for later: the order shows"
        + " pending_operation until it is done",
        headers = @Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                schema = @Schema(type = "string", allowableValues = "true")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = OrderResponse.class)))
@SharedProblemResponses.Unauthorized
@SharedProblemResponses.InsufficientScope
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.PAYMENTS)
@SharedProblemResponses.OrderNotFound
@ApiResponse(responseCode = "409", description = "operation_not_allowed: the order's status (current_status), the"
        + " amount left, more of a line than is left of it (line_id names the line), or an operation under way does"
        + " not allow it; nothing was asked of the provider."
        + " concurrent_update: the order changed meanwhile; try again (also with the same Idempotency-Key)."
        + " idempotency_request_in_progress: the first request with this Idempotency-Key is still being carried out;"
        + " send it again after Retry-After seconds",
        headers = {
                @Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                        description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                        schema = @Schema(type = "string", allowableValues = "true")),
                @Header(name = HttpHeaders.RETRY_AFTER, description = "With idempotency_request_in_progress: seconds"
                        + " to wait before sending the request again", schema = @Schema(type = "integer"))
        },
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "422", description = "idempotency_key_reused: the Idempotency-Key was used before for"
        + " another request (other parameters, another operation, or another order); nothing was done",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "502", description = "provider_unavailable: the provider refused or could not be"
        + " reached. If its answer was lost, the detail says the outcome is being confirmed: read the order before"
        + " trying again, or send the request again with the same Idempotency-Key, which asks the provider first",
        headers = @Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                schema = @Schema(type = "string", allowableValues = "true")),
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "504", description = "provider_timeout: the provider did not answer in time; the"
        + " outcome is being confirmed: read the order before trying again, or send the request again with the same"
        + " Idempotency-Key, which asks the provider first",
        headers = @Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                schema = @Schema(type = "string", allowableValues = "true")),
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
class PaymentOperationsController {

    private final CapturePaymentUseCase capturePayment;
    private final RefundPaymentUseCase refundPayment;
    private final CancelOrderUseCase cancelOrder;
    private final IdempotentResponses responses;

    PaymentOperationsController(CapturePaymentUseCase capturePayment, RefundPaymentUseCase refundPayment,
                                CancelOrderUseCase cancelOrder, IdempotentResponses responses) {
        this.capturePayment = capturePayment;
        this.refundPayment = refundPayment;
        this.cancelOrder = cancelOrder;
        this.responses = responses;
    }

    @Post("/{id}/capture")
    @Operation(summary = "Capture all or part of what is left of the authorized payment",
            description = "Without a body, an amount or items, captures all that is left. With items, captures those"
                    + " lines (the provider is sent them). On an order with lines an amount alone is taken only when"
                    + " it is all that is left. The provider is asked only if the order allows the capture.")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad amount, item (items[2].quantity, an"
            + " items[0].line_id the order does not have, a line named twice) or Idempotency-Key; amount with items;"
            + " on an order with lines, an amount alone that is not all that is left (send items);"
            + " malformed_request. Not remembered: the same key may come again with a corrected request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    HttpResponse<?> capture(@PathVariable String id, @Body @Nullable CaptureRequest request,
                            @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                            @io.micronaut.http.annotation.Header(IdempotencyHeaders.IDEMPOTENCY_KEY) @Nullable
                            String idempotencyKey,
                            Authentication client, HttpRequest<?> httpRequest) {
        Optional<Long> amount = Optional.ofNullable(request).map(CaptureRequest::amount);
        List<OperationItem> items = OperationItemBody.toItems(request == null ? null : request.items());
        CaptureCommand command = new CaptureCommand(OrderIds.fromPath(id), amount, items,
                Actors.of(client, httpRequest), IdempotencyHeaders.keyOf(idempotencyKey, client));
        return responses.respond(capturePayment.capture(command), PaymentOperationAnswers::of);
    }

    @Post("/{id}/refund")
    @Operation(summary = "Refund all or part of the captured money",
            description = "Without an amount or items, refunds all that was captured and not yet refunded. With"
                    + " items, refunds those lines, each no more than was captured of it. On an order with lines an"
                    + " amount alone is taken only when it is all that is refundable. The provider is asked only if"
                    + " the order allows the refund.")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad amount, item (as for a capture),"
            + " reason or Idempotency-Key; amount with items; on an order with lines, an amount alone that is not"
            + " all that is refundable (send items); malformed_request. Not remembered: the same key may come again"
            + " with a corrected request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    HttpResponse<?> refund(@PathVariable String id, @Body @Nullable RefundRequest request,
                           @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                           @io.micronaut.http.annotation.Header(IdempotencyHeaders.IDEMPOTENCY_KEY) @Nullable
                           String idempotencyKey,
                           Authentication client, HttpRequest<?> httpRequest) {
        Optional<Long> amount = Optional.ofNullable(request).map(RefundRequest::amount);
        Optional<String> reason = Optional.ofNullable(request).map(RefundRequest::reason);
        List<OperationItem> items = OperationItemBody.toItems(request == null ? null : request.items());
        RefundCommand command = new RefundCommand(OrderIds.fromPath(id), amount, items, reason,
                Actors.of(client, httpRequest), IdempotencyHeaders.keyOf(idempotencyKey, client));
        return responses.respond(refundPayment.refund(command), PaymentOperationAnswers::of);
    }

    @Post("/{id}/cancel")
    @Operation(summary = "Cancel: void an authorization nothing was captured from, or close an unpaid checkout",
            description = "Takes no body. An order that holds captured money cannot be cancelled: refund it.")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad Idempotency-Key. Not remembered",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> cancel(@PathVariable String id,
                           @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                           @io.micronaut.http.annotation.Header(IdempotencyHeaders.IDEMPOTENCY_KEY) @Nullable
                           String idempotencyKey,
                           Authentication client, HttpRequest<?> httpRequest) {
        CancelCommand command = new CancelCommand(OrderIds.fromPath(id), Actors.of(client, httpRequest),
                IdempotencyHeaders.keyOf(idempotencyKey, client));
        return responses.respond(cancelOrder.cancel(command), PaymentOperationAnswers::of);
    }
}
