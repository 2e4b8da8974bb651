package dev.orderpay.adapter.rest.problem;

import io.micronaut.http.HttpHeaders;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static dev.orderpay.adapter.rest.ApiDocumentation.PROBLEM_JSON;
import static dev.orderpay.adapter.rest.ApiDocumentation.RATE_LIMIT_DESCRIPTION;
import static dev.orderpay.adapter.rest.ApiDocumentation.RATE_LIMIT_HEADER;
import static dev.orderpay.adapter.rest.ApiDocumentation.RATE_LIMIT_POLICY_DESCRIPTION;
import static dev.orderpay.adapter.rest.ApiDocumentation.RATE_LIMIT_POLICY_HEADER;
import static dev.orderpay.adapter.rest.ApiDocumentation.REQUEST_ID_DESCRIPTION;
import static dev.orderpay.adapter.rest.ApiDocumentation.REQUEST_ID_HEADER;

/**
 * The problem answers that several routes document alike, each declared once as an annotation to put on a
 * controller or a route. micronaut-openapi 6.20 reads an {@code @ApiResponse} placed on an annotation in full, but of
 * one with {@code @AliasFor} members only the status code: so a shared answer is an annotation of its own, and an
 * answer peculiar to one route stays an {@code @ApiResponse} on that route. Every answer carries
 * {@code Request-Id}; the shared ones say so.
 */
public final class SharedProblemResponses {

    private SharedProblemResponses() {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "401", description = "unauthorized: no API key, or not one this service knows",
            headers = @Header(name = REQUEST_ID_HEADER, description = REQUEST_ID_DESCRIPTION),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Unauthorized {
    }

    /** On every merchant controller: each route requires a scope (security.RequiredScopes, docs/access.md). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "403", description = "insufficient_scope: the API key lacks the scope this operation"
            + " requires, which required_scope names; nothing was done",
            headers = @Header(name = REQUEST_ID_HEADER, description = REQUEST_ID_DESCRIPTION),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface InsufficientScope {
    }

    /** On every controller: the rate limit filter may refuse any route (ratelimit.RateLimitFilter). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "429", description = "rate_limited: this client has spent its rate limit; send the"
            + " request again after Retry-After seconds",
            headers = {
                    @Header(name = REQUEST_ID_HEADER, description = REQUEST_ID_DESCRIPTION),
                    @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds until a request may be sent"
                            + " again, at least 1", schema = @Schema(type = "integer", minimum = "1")),
                    @Header(name = RATE_LIMIT_POLICY_HEADER, description = RATE_LIMIT_POLICY_DESCRIPTION),
                    @Header(name = RATE_LIMIT_HEADER, description = RATE_LIMIT_DESCRIPTION)
            },
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface TooManyRequests {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "404", description = "order_not_found, or not_found when the id is not an order id",
            headers = @Header(name = REQUEST_ID_HEADER, description = REQUEST_ID_DESCRIPTION),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface OrderNotFound {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "404", description = "event_not_found, or not_found when the id is not an event id",
            headers = @Header(name = REQUEST_ID_HEADER, description = REQUEST_ID_DESCRIPTION),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface EventNotFound {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "415", description = "unsupported_media_type",
            headers = @Header(name = REQUEST_ID_HEADER, description = REQUEST_ID_DESCRIPTION),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface UnsupportedMediaType {
    }
}
