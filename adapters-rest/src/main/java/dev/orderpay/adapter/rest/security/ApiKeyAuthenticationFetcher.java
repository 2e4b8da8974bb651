package dev.orderpay.adapter.rest.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * Authenticates a merchant by {@code Authorization: Bearer <API key>}; the authentication's name is the client id,
 * never the key. A request without a known key stays anonymous, and the security rules refuse it on merchant routes.
 */
@Singleton
@Requires(property = ApiKeys.AUTH_ENABLED, notEquals = "false")
class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFetcher(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .flatMap(ApiKeyAuthenticationFetcher::bearerToken)
                .flatMap(apiKeys::clientOf)
                .map(client -> Publishers.just(Authentication.build(client)))
                .orElseGet(Publishers::empty);
    }

    /** The credentials of a Bearer authorization; the scheme's name is case-insensitive (RFC 9110). */
    private static Optional<String> bearerToken(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim()).filter(token -> !token.isEmpty());
    }
}
