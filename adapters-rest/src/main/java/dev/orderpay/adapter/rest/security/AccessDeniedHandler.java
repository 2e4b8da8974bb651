package dev.orderpay.adapter.rest.security;

import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a refused request with a problem like every other error. The framework's handler would also offer
 * Basic authentication in WWW-Authenticate; this service only takes Bearer API keys, and says no more than that.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@SuppressWarnings("rawtypes") // ExceptionHandler.handle takes a raw HttpRequest; an override cannot add the wildcard
class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthorizationException refused) {
        if (refused.isForbidden()) {
            return Problem.ofStatus(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN,
                    "This API key may not use this resource.").toResponse();
        }
        return Problem.ofStatus(HttpStatus.UNAUTHORIZED, ProblemCode.UNAUTHORIZED,
                        "Send a valid API key as Authorization: Bearer <key>.")
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
