package dev.orderpay.adapter.rest.buyer;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.OrderIds;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentCommand;
import dev.orderpay.application.port.in.confirmation.ConfirmPaymentUseCase;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation;
import dev.orderpay.application.port.in.confirmation.PaymentConfirmation.Verdict;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/**
 * Where the provider sends the buyer back. The query parameters are handed on untouched: only the payment adapter
 * knows their names, and only the provider's answer decides the order's status.
 */
@Controller(OrderPaths.ORDERS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = ApiDocumentation.BUYER)
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.BUYER)
class PaymentReturnController {

    private final ConfirmPaymentUseCase confirmPayment;

    PaymentReturnController(ConfirmPaymentUseCase confirmPayment) {
        this.confirmPayment = confirmPayment;
    }

    @Get(uris = {"/{id}/redirect", "/{id}/payment-redirect"},
            produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The buyer comes back from the checkout",
            description = "The payment is confirmed with the provider before the order changes. A browser gets a"
                    + " page, other clients JSON.",
            security = {}) // public, said in the document rather than left unsaid
    @ApiResponse(responseCode = "200", description = "A message for the buyer, and the order's id, status and amount as"
            + " established; nothing of the merchant's (anyone holding the id can open this address)",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PaymentReturnResponse.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string"))
            })
    @SharedProblemResponses.OrderNotFound
    @ApiResponse(responseCode = "409", description = "payment_verification_failed: the payment is not this order's;"
            + " the order was not changed", content = {
                    @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = "string"))
            })
    HttpResponse<?> returnFromCheckout(@PathVariable String id, HttpRequest<?> request) {
        PaymentConfirmation confirmation = confirmPayment.confirmPayment(
                new ConfirmPaymentCommand(OrderIds.fromPath(id), request.getParameters().asMap()));
        ReturnOutcome outcome = ReturnOutcome.of(confirmation);
        // Only a payment shown not to be this order's is refused; a provider that could not be asked is not the
        // buyer's problem: the order is shown as it is while the notification or reconciliation finishes the job.
        boolean refused = confirmation.verdict() == Verdict.MISMATCH;

        if (prefersHtml(request)) {
            return HttpResponse.status(refused ? HttpStatus.CONFLICT : HttpStatus.OK)
                    .contentType(MediaType.TEXT_HTML_TYPE)
                    .header("Content-Security-Policy", "default-src 'none'")
                    .body(PaymentReturnPage.render(outcome, confirmation.order()));
        }
        if (refused) {
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.PAYMENT_VERIFICATION_FAILED, outcome.title(),
                            outcome.message())
                    .aboutOrder(confirmation.order().id().toString())
                    .toResponse();
        }
        return HttpResponse.ok(
                new PaymentReturnResponse(outcome.message(), BuyerOrderView.from(confirmation.order())));
    }

    /** A browser lists text/html before JSON or a wildcard; API clients get JSON unless they say otherwise. */
    private static boolean prefersHtml(HttpRequest<?> request) {
        return request.accept().stream()
                .filter(type -> type.getName().equals(MediaType.TEXT_HTML) || type.matches(MediaType.APPLICATION_JSON_TYPE))
                .findFirst()
                .map(type -> type.getName().equals(MediaType.TEXT_HTML))
                .orElse(false);
    }
}
