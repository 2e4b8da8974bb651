package dev.orderpay.adapter.rest.notification;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.OrderIds;
import dev.orderpay.adapter.rest.OrderPaths;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.application.port.in.confirmation.HandleNotificationUseCase;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.in.confirmation.NotificationCommand;
import dev.orderpay.application.port.in.confirmation.NotificationOutcome;
import dev.orderpay.domain.OrderId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Objects;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Where the provider notifies this service server-to-server. The request is handed on exactly as it arrived: only
 * the payment adapter knows how the provider signs it and what its parameters mean. A POST's body is never read,
 * since nothing in it is trusted. The status code is what the provider's retries go by: 2xx ends them, 503 asks
 * for another delivery, and 4xx says another delivery would not help.
 */
@Controller(OrderPaths.ORDERS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = ApiDocumentation.PROVIDER)
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.PROVIDER_CALLBACKS)
@ApiResponse(responseCode = "200", description = "HANDLED, or DUPLICATE for a delivery handled before",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = PaymentNotificationController.NotificationResponse.class)))
@ApiResponse(responseCode = "401", description = "notification_unauthentic: the provider's signature is missing or"
        + " wrong", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "404", description = "not_found: the id is not an order id",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "409", description = "notification_rejected: the payment is not this order's",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "503", description = "notification_retry_later: deliver it again later",
        content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
public class PaymentNotificationController {

    private final HandleNotificationUseCase handleNotification;

    PaymentNotificationController(HandleNotificationUseCase handleNotification) {
        this.handleNotification = handleNotification;
    }

    @Get("/{id}/callback")
    // security = {}: public, said in the document rather than left unsaid
    @Operation(summary = "The payment provider notifies that a payment changed",
            description = "Only the payment adapter reads the request; the order follows what the provider confirms.",
            security = {})
    HttpResponse<?> notifiedByGet(@PathVariable String id, HttpRequest<?> request) {
        return handle(OrderIds.fromPath(id), request);
    }

    // The provider chooses the content type of a body we ignore, so none may be refused with 415.
    @Post(uri = "/{id}/callback", consumes = MediaType.ALL)
    @Operation(summary = "The payment provider notifies that a payment changed",
            description = "The body is never read; only the payment adapter reads the query and headers.",
            security = {})
    HttpResponse<?> notifiedByPost(@PathVariable String id, HttpRequest<?> request) {
        return handle(OrderIds.fromPath(id), request);
    }

    private HttpResponse<?> handle(OrderId orderId, HttpRequest<?> request) {
        NotificationOutcome outcome =
                handleNotification.handleNotification(new NotificationCommand(orderId, asReceived(request)));
        return switch (outcome) {
            case HANDLED, DUPLICATE -> HttpResponse.ok(new NotificationResponse(outcome.name()));
            case RETRY_LATER -> Problem.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemCode.NOTIFICATION_RETRY_LATER,
                            "Notification not handled yet",
                            "The notification cannot be handled now. Deliver it again later.")
                    .aboutOrder(orderId.toString())
                    .toResponse();
            case REJECTED -> Problem.of(HttpStatus.CONFLICT, ProblemCode.NOTIFICATION_REJECTED, "Notification rejected",
                            "The payment the notification points at does not belong to this order.")
                    .aboutOrder(orderId.toString())
                    .toResponse();
            case UNAUTHENTIC -> Problem.of(HttpStatus.UNAUTHORIZED, ProblemCode.NOTIFICATION_UNAUTHENTIC,
                    "Notification not authentic",
                    "The notification could not be shown to come from the payment provider.").toResponse();
        };
    }

    private static InboundNotification asReceived(HttpRequest<?> request) {
        String rawQuery = Objects.requireNonNullElse(request.getUri().getRawQuery(), "");
        String host = hostWithoutPort(request.getHeaders().get(HttpHeaders.HOST));
        return new InboundNotification(request.getMethodName(), host, request.getPath(), rawQuery,
                request.getParameters().asMap(), request.getHeaders().asMap());
    }

    /** The Host header's name part; an IPv6 literal keeps its brackets. Empty if the client sent no Host. */
    public static String hostWithoutPort(@Nullable String host) {
        if (host == null) {
            return "";
        }
        int portSeparator = host.lastIndexOf(':');
        boolean portFollows = portSeparator > host.lastIndexOf(']');
        return portFollows ? host.substring(0, portSeparator) : host;
    }

    @Serdeable
    @Schema(name = "NotificationOutcome")
    record NotificationResponse(@Schema(requiredMode = REQUIRED, allowableValues = {"HANDLED", "DUPLICATE"})
                                String outcome) {
    }
}
