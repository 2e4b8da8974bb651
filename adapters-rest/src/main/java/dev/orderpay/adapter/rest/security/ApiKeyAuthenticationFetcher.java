package dev.orderpay.adapter.rest.security;

import dev.orderpay.domain.access.ApiKey;
import dev.orderpay.domain.access.ApiKeyDigest;
import dev.orderpay.domain.access.Scope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Optional;

/**
 * Authenticates a merchant by {@code Authorization: Bearer <API key>}: first among the keys from the environment,
 * which hold every scope, then among the managed keys. The authentication's name is the client id, never the key:
 * {@code key-} and the start of its digest for a key from the environment, the id for a managed key. Its roles are
 * the key's scopes, which the routes' {@code @Secured} ask for. A request without a known key stays anonymous, and
 * the security rules refuse it on merchant routes.
 */
@Singleton
@Requires(property = ApiKeys.AUTH_ENABLED, notEquals = "false")
class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final List<String> ALL_SCOPES = Scope.all().stream().map(Scope::wireName).toList();

    private static final String BEARER = "Bearer ";

    private final ApiKeys environmentKeys;
    private final ManagedKeyLookups managedKeys;

    ApiKeyAuthenticationFetcher(ApiKeys environmentKeys, ManagedKeyLookups managedKeys) {
        this.environmentKeys = environmentKeys;
        this.managedKeys = managedKeys;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<ApiKeyDigest> presented = request.getHeaders().getAuthorization()
                .flatMap(ApiKeyAuthenticationFetcher::bearerToken)
                .map(ApiKeyDigest::of);
        if (presented.isEmpty()) {
            return Publishers.empty();
        }
        Optional<String> environmentClient = environmentKeys.clientOf(presented.get());
        if (environmentClient.isPresent()) {
            return Publishers.just(Authentication.build(environmentClient.get(), ALL_SCOPES));
        }
        return managedKeys.inForce(presented.get()).map(ApiKeyAuthenticationFetcher::authentication);
    }

    private static Authentication authentication(ApiKey key) {
        return Authentication.build(key.id().toString(), key.scopes().stream().map(Scope::wireName).toList());
    }

    /** The credentials of a Bearer authorization; the scheme's name is case-insensitive (RFC 9110). */
    private static Optional<String> bearerToken(String authorization) {
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).trim()).filter(token -> !token.isEmpty());
    }
}
