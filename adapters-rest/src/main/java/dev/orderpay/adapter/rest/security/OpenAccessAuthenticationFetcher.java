package dev.orderpay.adapter.rest.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code orderpay.auth.enabled=false}, for local development only: every request counts as the one client
 * {@value #CLIENT}, holding every scope, so the merchant routes need no key. Startup says so loudly, so it is
 * not left on by mistake.
 */
@Singleton
@Requires(property = ApiKeys.AUTH_ENABLED, value = "false")
public class OpenAccessAuthenticationFetcher
        implements AuthenticationFetcher<HttpRequest<?>>, ApplicationEventListener<StartupEvent> {

    static final String CLIENT = "local-development";

    private static final Logger LOG = LoggerFactory.getLogger(OpenAccessAuthenticationFetcher.class);

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        return Publishers.just(Authentication.build(CLIENT, ApiKeyAuthenticationFetcher.ALL_SCOPES));
    }

    @Override
    public void onApplicationEvent(StartupEvent started) {
        LOG.warn("API KEY CHECKS ARE OFF (orderpay.auth.enabled=false): anyone who can reach this service can create,"
                + " capture, refund and cancel orders. Use this for local development only.");
    }
}
