package dev.orderpay.adapter.rest.webhook;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.audit.Actors;
import dev.orderpay.adapter.rest.event.PingEventResponse;
import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.adapter.rest.idempotency.IdempotentResponses;
import dev.orderpay.adapter.rest.input.StrictInput;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointCommand;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.DeleteWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.GetWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.ListWebhookEndpointsUseCase;
import dev.orderpay.application.port.in.webhook.PingResult;
import dev.orderpay.application.port.in.webhook.PingWebhookEndpointUseCase;
import dev.orderpay.application.port.in.webhook.RotateWebhookSecretUseCase;
import dev.orderpay.application.port.in.webhook.RotatedSecret;
import dev.orderpay.application.port.in.webhook.UpdateWebhookEndpointUseCase;
import dev.orderpay.adapter.rest.security.RequiredScopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/**
 * The merchant's webhook endpoints. The signing secret is in the answers to creating an endpoint and to rotating
 * its secret, and in no other answer.
 */
@Controller(WebhookEndpointController.WEBHOOK_ENDPOINTS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(RequiredScopes.WEBHOOKS_MANAGE)
@StrictInput
@Tag(name = ApiDocumentation.WEBHOOKS)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@SharedProblemResponses.Unauthorized
@SharedProblemResponses.InsufficientScope
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.WEBHOOKS)
class WebhookEndpointController {

    static final String WEBHOOK_ENDPOINTS = "/webhook-endpoints";

    private final CreateWebhookEndpointUseCase createEndpoint;
    private final ListWebhookEndpointsUseCase listEndpoints;
    private final GetWebhookEndpointUseCase getEndpoint;
    private final UpdateWebhookEndpointUseCase updateEndpoint;
    private final DeleteWebhookEndpointUseCase deleteEndpoint;
    private final RotateWebhookSecretUseCase rotateSecret;
    private final PingWebhookEndpointUseCase pingEndpoint;
    private final JsonMapper json;
    private final IdempotentResponses responses;

    WebhookEndpointController(CreateWebhookEndpointUseCase createEndpoint, ListWebhookEndpointsUseCase listEndpoints,
                              GetWebhookEndpointUseCase getEndpoint, UpdateWebhookEndpointUseCase updateEndpoint,
                              DeleteWebhookEndpointUseCase deleteEndpoint, RotateWebhookSecretUseCase rotateSecret,
                              PingWebhookEndpointUseCase pingEndpoint, JsonMapper json,
                              IdempotentResponses responses) {
        this.createEndpoint = createEndpoint;
        this.listEndpoints = listEndpoints;
        this.getEndpoint = getEndpoint;
        this.updateEndpoint = updateEndpoint;
        this.deleteEndpoint = deleteEndpoint;
        this.rotateSecret = rotateSecret;
        this.pingEndpoint = pingEndpoint;
        this.json = json;
        this.responses = responses;
    }

    @Post
    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = "The endpoint starts enabled. Its signing secret is in this answer and never again: keep"
                    + " it. Without event_types (or with [\"*\"]) it receives every event type, including types"
                    + " added later. With an Idempotency-Key, repeating the request registers nothing more and"
                    + " returns the first answer without the secret (rotate the secret if that answer was lost).")
    @ApiResponse(responseCode = "201", description = "Registered: the endpoint with its secret; when replayed for a"
            + " repeated Idempotency-Key, the endpoint without its secret",
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Location",
                            description = "The endpoint's address"),
                    @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                            description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = "string", allowableValues = "true"))
            },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = {WebhookEndpointWithSecretResponse.class,
                            WebhookEndpointResponse.class})))
    @ApiResponse(responseCode = "400", description = "validation_failed (url, event_types[i], description; a url"
            + " webhooks may not be sent to; the Idempotency-Key), malformed_request. Not remembered: the same key"
            + " may come again with a corrected request", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "webhook_endpoint_limit_reached: there are as many endpoints as"
            + " allowed (ORDERPAY_WEBHOOK_MAX_ENDPOINTS); delete one first. idempotency_request_in_progress: the"
            + " first request with this Idempotency-Key is still being carried out; send it again after Retry-After"
            + " seconds",
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                            description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = "string", allowableValues = "true")),
                    @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.RETRY_AFTER,
                            description = "With idempotency_request_in_progress: seconds to wait before sending the"
                                    + " request again", schema = @Schema(type = "integer"))
            },
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "idempotency_key_reused: the Idempotency-Key was used before for"
            + " another request; nothing was registered",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    HttpResponse<?> create(@Body CreateWebhookEndpointRequest request,
                           @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                           @Header(IdempotencyHeaders.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                           Authentication client, HttpRequest<?> httpRequest) {
        CreateWebhookEndpointCommand plain = request.toCommand(Actors.of(client, httpRequest));
        CreateWebhookEndpointCommand command = IdempotencyHeaders.keyOf(idempotencyKey, client)
                .map(plain::withIdempotencyKey).orElse(plain);
        return responses.respond(createEndpoint.createEndpoint(command), WebhookEndpointAnswers::withSecret);
    }

    @Get
    @Secured(RequiredScopes.ORDERS_READ)
    @RateLimited(RouteGroup.READS)
    @Operation(operationId = "listWebhookEndpoints", summary = "List the webhook endpoints, oldest first",
            description = "All of them in one answer; their secrets are not shown.")
    @ApiResponse(responseCode = "200", description = "Every endpoint")
    WebhookEndpointListResponse list() {
        return WebhookEndpointListResponse.from(listEndpoints.listEndpoints());
    }

    @Get("/{id}")
    @Secured(RequiredScopes.ORDERS_READ)
    @RateLimited(RouteGroup.READS)
    @Operation(operationId = "getWebhookEndpoint", summary = "Read a webhook endpoint",
            description = "Its secret is not shown; a disabled endpoint says why in disabled_reason.")
    @ApiResponse(responseCode = "200", description = "The endpoint")
    @WebhookEndpointNotFound
    WebhookEndpointResponse get(@PathVariable String id) {
        return WebhookEndpointResponse.from(getEndpoint.getEndpoint(WebhookEndpointIds.fromPath(id)));
    }

    @Patch("/{id}")
    @Operation(operationId = "updateWebhookEndpoint", summary = "Change a webhook endpoint",
            description = "Only the fields sent change, all together. enabled: false stops deliveries, true resumes"
                    + " them and clears disabled_reason.")
    @ApiResponse(responseCode = "200", description = "The endpoint as it now stands")
    @ApiResponse(responseCode = "400", description = "validation_failed: a bad field; malformed_request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @WebhookEndpointNotFound
    @ApiResponse(responseCode = "409", description = "concurrent_update: the endpoint kept changing; try again",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    WebhookEndpointResponse update(@PathVariable String id, @Body UpdateWebhookEndpointRequest request,
                                   Authentication client, HttpRequest<?> httpRequest) {
        return WebhookEndpointResponse.from(updateEndpoint.updateEndpoint(
                request.toCommand(WebhookEndpointIds.fromPath(id), Actors.of(client, httpRequest))));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "Nothing more is sent to it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @WebhookEndpointNotFound
    void delete(@PathVariable String id, Authentication client, HttpRequest<?> httpRequest) {
        deleteEndpoint.deleteEndpoint(WebhookEndpointIds.fromPath(id), Actors.of(client, httpRequest));
    }

    @Post("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret",
            summary = "Give a webhook endpoint a new signing secret",
            description = "Takes no body. The new secret is in this answer and never again. The old one keeps"
                    + " signing beside it (a second v1 in Orderpay-Signature) until previous_secret_expires_at"
                    + " (ORDERPAY_WEBHOOK_SECRET_OVERLAP), so receivers can switch without losing an event.")
    @ApiResponse(responseCode = "200", description = "The endpoint with its new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookEndpointWithSecretResponse.class)))
    @WebhookEndpointNotFound
    @ApiResponse(responseCode = "409", description = "concurrent_update: the endpoint kept changing; try again",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    WebhookEndpointWithSecretResponse rotateSecret(@PathVariable String id, Authentication client,
                                                   HttpRequest<?> httpRequest) {
        RotatedSecret rotated = rotateSecret.rotateSecret(WebhookEndpointIds.fromPath(id),
                Actors.of(client, httpRequest));
        return WebhookEndpointWithSecretResponse.from(rotated.endpoint(), rotated.secret());
    }

    @Post("/{id}/test")
    @Operation(operationId = "testWebhookEndpoint", summary = "Send a webhook endpoint a test event now",
            description = "Takes no body. Posts a ping event (type ping, no order) to the endpoint at once, signed"
                    + " like every webhook, and answers with what came of it. Works on a disabled endpoint too, to"
                    + " check it before enabling it. The ping is not stored and never retried.")
    @ApiResponse(responseCode = "200", description = "The ping sent and the endpoint's answer, or why there was"
            + " none; whatever the endpoint answered")
    @WebhookEndpointNotFound
    WebhookTestResponse test(@PathVariable String id) throws IOException {
        PingResult result = pingEndpoint.ping(WebhookEndpointIds.fromPath(id));
        return WebhookTestResponse.from(result, json.readValue(result.payload(), PingEventResponse.class));
    }
}
