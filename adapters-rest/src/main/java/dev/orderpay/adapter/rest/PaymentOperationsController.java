package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.CancelOrderUseCase;
import dev.orderpay.application.port.in.CaptureCommand;
import dev.orderpay.application.port.in.CapturePaymentUseCase;
import dev.orderpay.application.port.in.GetOrderUseCase;
import dev.orderpay.application.port.in.PaymentOperationResult;
import dev.orderpay.application.port.in.RefundCommand;
import dev.orderpay.application.port.in.RefundPaymentUseCase;
import dev.orderpay.application.port.out.PaymentProviderException;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.util.function.Supplier;

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
@ApiResponse(responseCode = "401", description = "unauthorized: no API key, or not one this service knows",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "order_not_found, or not_found when the id is not an order id",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
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
    private final GetOrderUseCase getOrder;

    PaymentOperationsController(CapturePaymentUseCase capturePayment, RefundPaymentUseCase refundPayment,
                                CancelOrderUseCase cancelOrder, GetOrderUseCase getOrder) {
        this.capturePayment = capturePayment;
        this.refundPayment = refundPayment;
        this.cancelOrder = cancelOrder;
        this.getOrder = getOrder;
    }

    @Post("/{id}/capture")
    @Operation(summary = "Capture all or part of what is left of the authorized payment",
            description = "Without a body or an amount, captures all that is left. The provider is asked only if the"
                    + " order allows the capture.")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad amount; malformed_request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "unsupported_media_type",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    HttpResponse<OrderResponse> capture(@PathVariable String id, @Body @Nullable CaptureRequest request) {
        OrderId orderId = OrderIds.fromPath(id);
        Optional<Money> amount = amountIn(orderId, request == null ? null : request.amount());
        return carryOut(orderId, () -> capturePayment.capture(new CaptureCommand(orderId, amount)));
    }

    @Post("/{id}/refund")
    @Operation(summary = "Refund all or part of the captured money",
            description = "Without an amount, refunds all that was captured and not yet refunded. The provider is"
                    + " asked only if the order allows the refund.")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad amount or reason; malformed_request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = "unsupported_media_type",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    HttpResponse<OrderResponse> refund(@PathVariable String id, @Body @Nullable RefundRequest request) {
        OrderId orderId = OrderIds.fromPath(id);
        Optional<Money> amount = amountIn(orderId, request == null ? null : request.amount());
        Optional<String> reason = Optional.ofNullable(request).map(RefundRequest::reason);
        return carryOut(orderId, () -> refundPayment.refund(new RefundCommand(orderId, amount, reason)));
    }

    @Post("/{id}/cancel")
    @Operation(summary = "Cancel: void an authorization nothing was captured from, or close an unpaid checkout",
            description = "Takes no body. An order that holds captured money cannot be cancelled: refund it.")
    HttpResponse<OrderResponse> cancel(@PathVariable String id) {
        OrderId orderId = OrderIds.fromPath(id);
        return carryOut(orderId, () -> cancelOrder.cancel(orderId));
    }

    /** An amount is in the order's currency, so the order is read for it; none means all there is. */
    private Optional<Money> amountIn(OrderId orderId, @Nullable Long minorUnits) {
        if (minorUnits == null) {
            return Optional.empty();
        }
        return Optional.of(new Money(minorUnits, getOrder.getOrder(orderId).amount().currency()));
    }

    private HttpResponse<OrderResponse> carryOut(OrderId orderId, Supplier<PaymentOperationResult> operation) {
        PaymentOperationResult result;
        try {
            result = operation.get();
        } catch (PaymentProviderException failure) {
            // The use case keeps the operation pending exactly when the provider may have done it after all.
            boolean outcomeUnknown = getOrder.getOrder(orderId).pendingOperation().isPresent();
            throw new PaymentOperationFailedException(orderId, failure, outcomeUnknown);
        }
        OrderResponse order = OrderResponse.from(result.order());
        return result.completed() ? HttpResponse.ok(order) : HttpResponse.<OrderResponse>accepted().body(order);
    }
}
