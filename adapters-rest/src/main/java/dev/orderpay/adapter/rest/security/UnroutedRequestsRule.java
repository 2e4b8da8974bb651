package dev.orderpay.adapter.rest.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Arrays;

/**
 * Lets through the requests no controller route serves: the OpenAPI document under {@code /swagger/} and its
 * browsable page under {@code /swagger-ui/}, which are public, and mistakes, which are then answered 404 or 405 rather than 401. No order data is served without a
 * route, so nothing is opened up. Every controller route is decided by its {@code @Secured} annotation.
 * <p>
 * The router also leaves a request unmatched when a route serves its method and path but not its Accept or
 * Content-Type. Such a request still needs the credentials that route asks for: without them it is refused (401),
 * so a browser without a key learns that it must authenticate, not that it should ask for JSON (406).
 */
@Singleton
class UnroutedRequestsRule implements SecurityRule<HttpRequest<?>> {

    private final Router router;

    UnroutedRequestsRule(Router router) {
        this.router = router;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (RouteAttributes.getRouteMatch(request).isPresent()) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        // Unlike find(request), this overload ignores Accept and Content-Type: every route for this method and path.
        boolean lacksCredentialsTheRouteNeeds = authentication == null
                && router.find(request.getMethod(), request.getPath(), request)
                .anyMatch(UnroutedRequestsRule::needsAuthentication);
        return Publishers.just(lacksCredentialsTheRouteNeeds
                ? SecurityRuleResult.REJECTED : SecurityRuleResult.ALLOWED);
    }

    private static boolean needsAuthentication(UriRouteMatch<?, ?> route) {
        String[] secured = route.getRouteInfo().getAnnotationMetadata().stringValues(Secured.class);
        return secured.length > 0 && !Arrays.asList(secured).contains(SecurityRule.IS_ANONYMOUS);
    }
}
