package dev.orderpay.adapter.rest.security;

import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.domain.access.Scope;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Optional;

/**
 * Answers a refused request with a problem like every other error. The framework's handler would also offer
 * Basic authentication in WWW-Authenticate; this service only takes Bearer API keys, and says no more than that. A
 * key without the scope a route requires is told which scope that is, as OAuth's {@code insufficient_scope} does.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@SuppressWarnings("rawtypes") // ExceptionHandler.handle takes a raw HttpRequest; an override cannot add the wildcard
class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthorizationException refused) {
        if (refused.isForbidden()) {
            return requiredScope(request)
                    .map(scope -> Problem.insufficientScope(scope.wireName()))
                    .orElseGet(() -> Problem.ofStatus(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN,
                            "This API key may not use this resource."))
                    .toResponse();
        }
        return Problem.ofStatus(HttpStatus.UNAUTHORIZED, ProblemCode.UNAUTHORIZED,
                        "Send a valid API key as Authorization: Bearer <key>.")
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /** The scope a rule named as missing, else the one the route's {@code @Secured} asks for. */
    private static Optional<Scope> requiredScope(HttpRequest<?> request) {
        Optional<Scope> named = request.getAttribute(RequiredScopes.MISSING_SCOPE_ATTRIBUTE, String.class)
                .flatMap(Scope::fromWireName);
        if (named.isPresent()) {
            return named;
        }
        return RouteAttributes.getRouteMatch(request)
                .flatMap(route -> Arrays.stream(route.getAnnotationMetadata().stringValues(Secured.class))
                        .map(Scope::fromWireName)
                        .flatMap(Optional::stream)
                        .findFirst());
    }
}
