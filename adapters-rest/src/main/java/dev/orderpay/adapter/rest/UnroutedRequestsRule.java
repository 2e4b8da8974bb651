package dev.orderpay.adapter.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Lets through the requests no controller route matches: the OpenAPI document under {@code /swagger/}, which is
 * public, and mistakes, which are then answered 404 or 405 rather than 401. No order data is served without a
 * route, so nothing is opened up. Every controller route is decided by its {@code @Secured} annotation.
 */
@Singleton
class UnroutedRequestsRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        return Publishers.just(RouteAttributes.getRouteMatch(request).isPresent()
                ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.ALLOWED);
    }
}
