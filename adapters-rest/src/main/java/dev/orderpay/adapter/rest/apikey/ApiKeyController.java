package dev.orderpay.adapter.rest.apikey;

import dev.orderpay.adapter.rest.ApiDocumentation;
import dev.orderpay.adapter.rest.audit.Actors;
import dev.orderpay.adapter.rest.idempotency.IdempotencyHeaders;
import dev.orderpay.adapter.rest.idempotency.IdempotentResponses;
import dev.orderpay.adapter.rest.input.StrictInput;
import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.adapter.rest.problem.SharedProblemResponses;
import dev.orderpay.adapter.rest.ratelimit.RateLimited;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup;
import dev.orderpay.adapter.rest.security.ApiKeys;
import dev.orderpay.adapter.rest.security.RequiredScopes;
import dev.orderpay.application.port.in.access.CreateApiKeyCommand;
import dev.orderpay.application.port.in.access.CreateApiKeyUseCase;
import dev.orderpay.application.port.in.access.ListApiKeysUseCase;
import dev.orderpay.application.port.in.access.RevokeApiKeyResult;
import dev.orderpay.application.port.in.access.RevokeApiKeyUseCase;
import dev.orderpay.domain.InvalidValueException;
import dev.orderpay.domain.access.ApiKeyId;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;

/**
 * The API keys: created with the scopes they grant (the key shown once), listed without the keys, revoked. Keys
 * from the environment are listed too, but are changed only where they are set.
 */
@Controller(ApiKeyController.API_KEYS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(RequiredScopes.KEYS_MANAGE)
@StrictInput
@Tag(name = ApiDocumentation.KEYS)
@SecurityRequirement(name = ApiDocumentation.API_KEY)
@SharedProblemResponses.Unauthorized
@SharedProblemResponses.InsufficientScope
@SharedProblemResponses.TooManyRequests
@RateLimited(RouteGroup.KEYS)
class ApiKeyController {

    static final String API_KEYS = "/api-keys";

    private final CreateApiKeyUseCase createKey;
    private final ListApiKeysUseCase listKeys;
    private final RevokeApiKeyUseCase revokeKey;
    // Absent when API key checks are switched off for local development.
    private final Optional<ApiKeys> environmentKeys;
    private final IdempotentResponses responses;

    ApiKeyController(CreateApiKeyUseCase createKey, ListApiKeysUseCase listKeys, RevokeApiKeyUseCase revokeKey,
                     Optional<ApiKeys> environmentKeys, IdempotentResponses responses) {
        this.createKey = createKey;
        this.listKeys = listKeys;
        this.revokeKey = revokeKey;
        this.environmentKeys = environmentKeys;
        this.responses = responses;
    }

    @Post
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "The key is in this answer and never again: only its SHA-256 digest is kept. It may"
                    + " grant only scopes the key sending this request holds itself; asking for another is answered"
                    + " 403 insufficient_scope naming it. It works at once on every instance. With an"
                    + " Idempotency-Key, repeating the request creates nothing more and returns the first answer"
                    + " without the key (revoke it and create another if that answer was lost).")
    @ApiResponse(responseCode = "201", description = "Created: the key with its id, scopes and prefix; when replayed"
            + " for a repeated Idempotency-Key, the key's listing without the key itself",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = IdempotencyHeaders.IDEMPOTENT_REPLAYED,
                    description = IdempotencyHeaders.REPLAYED_DESCRIPTION,
                    schema = @Schema(type = "string", allowableValues = "true")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = {CreatedApiKeyResponse.class, ApiKeyResponse.class})))
    @ApiResponse(responseCode = "400", description = "validation_failed (name, scopes, scopes[i], the"
            + " Idempotency-Key), malformed_request; nothing was created. Not remembered: the same key may come"
            + " again with a corrected request",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "idempotency_request_in_progress: the first request with this"
            + " Idempotency-Key is still being carried out; send it again after Retry-After seconds",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = HttpHeaders.RETRY_AFTER,
                    description = "Seconds to wait before sending the request again",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "422", description = "idempotency_key_reused: the Idempotency-Key was used before for"
            + " another request; nothing was created",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @SharedProblemResponses.UnsupportedMediaType
    HttpResponse<?> create(@Body CreateApiKeyRequest request,
                           @Parameter(description = IdempotencyHeaders.KEY_DESCRIPTION)
                           @Header(IdempotencyHeaders.IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
                           Authentication caller, HttpRequest<?> httpRequest) {
        CreateApiKeyCommand plain = request.toCommand();
        CreateApiKeyCommand command = IdempotencyHeaders.keyOf(idempotencyKey, caller)
                .map(plain::withIdempotencyKey).orElse(plain);
        return responses.respond(createKey.createKey(command, RequiredScopes.heldBy(caller),
                Actors.of(caller, httpRequest)), ApiKeyAnswers::withKey);
    }

    @Get
    @Operation(operationId = "listApiKeys", summary = "List the API keys",
            description = "All of them in one answer, revoked ones included, never the keys themselves: those from"
                    + " ORDERPAY_API_KEYS first (source environment), then the managed ones, oldest first.")
    @ApiResponse(responseCode = "200", description = "Every key")
    ApiKeyListResponse list() {
        Stream<ApiKeyResponse> fromEnvironment = environmentClients().stream().map(ApiKeyResponse::fromEnvironment);
        Stream<ApiKeyResponse> managed = listKeys.listKeys().stream().map(ApiKeyResponse::from);
        return new ApiKeyListResponse(Stream.concat(fromEnvironment, managed).toList());
    }

    @Delete("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "The key stops working on every instance within 5 seconds (ORDERPAY_AUTH_KEY_CACHE_TTL),"
                    + " for good; it stays listed with revoked_at. Revoking a revoked key changes nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "api_key_not_found",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "last_key_manager: no other key in force holds keys:manage,"
            + " and without one nobody could manage keys; create another first. api_key_from_environment: the"
            + " key is set in ORDERPAY_API_KEYS; remove it there",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    HttpResponse<?> revoke(@PathVariable String id, Authentication caller, HttpRequest<?> httpRequest) {
        if (environmentClients().contains(id)) {
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.API_KEY_FROM_ENVIRONMENT, "Key from the environment",
                    "This key is set in ORDERPAY_API_KEYS: remove it there and restart.").toResponse();
        }
        Optional<ApiKeyId> keyId = parse(id);
        if (keyId.isEmpty()) {
            return notFound();
        }
        RevokeApiKeyResult result = revokeKey.revokeKey(keyId.get(), Actors.of(caller, httpRequest));
        if (result instanceof RevokeApiKeyResult.NotFound) {
            return notFound();
        }
        if (result instanceof RevokeApiKeyResult.LastKeyManager) {
            return Problem.of(HttpStatus.CONFLICT, ProblemCode.LAST_KEY_MANAGER, "Last key that manages keys",
                    "No other key in force holds keys:manage: create one before revoking this one.").toResponse();
        }
        return HttpResponse.noContent();
    }

    private List<String> environmentClients() {
        return environmentKeys.map(ApiKeys::clients).orElse(List.of());
    }

    private static Optional<ApiKeyId> parse(String id) {
        try {
            return Optional.of(ApiKeyId.parse(id));
        } catch (InvalidValueException notAnId) {
            return Optional.empty();
        }
    }

    private static HttpResponse<Problem> notFound() {
        return Problem.of(HttpStatus.NOT_FOUND, ProblemCode.API_KEY_NOT_FOUND, "API key not found",
                "There is no managed API key with this id.").toResponse();
    }
}
