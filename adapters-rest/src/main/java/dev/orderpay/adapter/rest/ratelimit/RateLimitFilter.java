package dev.orderpay.adapter.rest.ratelimit;

import dev.orderpay.adapter.rest.problem.Problem;
import dev.orderpay.adapter.rest.problem.ProblemCode;
import dev.orderpay.adapter.rest.ratelimit.RouteGroup.Audience;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.github.bucket4j.ConsumptionProbe;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Takes a token for every request from the bucket its route group and client point to ({@link RateLimits}), and
 * answers {@code 429 rate_limited} with {@code Retry-After} when none is left. Every answer of a limited request
 * carries {@code RateLimit-Policy} and {@code RateLimit}. Runs right after authentication, so the API key is known,
 * and before the request's body is read.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Context
@Requires(property = Settings.ENABLED, notEquals = "false")
final class RateLimitFilter implements Ordered {

    static final String REFUSALS = "orderpay.rate.limited";

    private static final String TAKEN = "orderpay.rate-limit.taken";

    private final RateLimits limits;
    private final Map<String, Counter> refusals;

    RateLimitFilter(RateLimits limits, Optional<MeterRegistry> meters) {
        this.limits = limits;
        // Registered at startup (the filter is a @Context bean), so every policy's count is there, at 0, before its
        // first refusal.
        this.refusals = meters.map(registry -> limits.policies().stream().collect(Collectors.toUnmodifiableMap(
                        Policy::name, policy -> Counter.builder(REFUSALS)
                                .description("Requests refused with 429 because their rate limit was spent")
                                .tag("policy", policy.name())
                                .register(registry))))
                .orElse(Map.of());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 1;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<Problem> takeToken(HttpRequest<?> request) {
        Policy policy = limits.policyFor(groupOf(request));
        ConsumptionProbe probe = policy.take(client(policy, request));
        Taken taken = new Taken(policy, probe);
        request.setAttribute(TAKEN, taken);
        if (probe.isConsumed()) {
            return null;
        }
        Optional.ofNullable(refusals.get(policy.name())).ifPresent(Counter::increment);
        MutableHttpResponse<Problem> refused = Problem.of(HttpStatus.TOO_MANY_REQUESTS, ProblemCode.RATE_LIMITED,
                        "Too many requests", "This client has sent more requests than the " + policy.name()
                                + " rate limit allows. Send the request again after Retry-After seconds.")
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, Headers.retryAfter(probe));
        taken.describe(refused);
        return refused;
    }

    @ResponseFilter
    void describeLimit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(TAKEN, Taken.class).ifPresent(taken -> taken.describe(response));
    }

    /** The group the route's {@code @RateLimited} names (the method's over its controller's), if it has one. */
    private static Optional<RouteGroup> groupOf(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).flatMap(route -> route.getRouteInfo().getAnnotationMetadata()
                .enumValue(RateLimited.class, RouteGroup.class));
    }

    private String client(Policy policy, HttpRequest<?> request) {
        if (policy.audience() == Audience.MERCHANT) {
            // The API key's client id: never the key itself. A merchant route cannot be reached without one, so the
            // address is only there for completeness.
            return request.getUserPrincipal().map(Principal::getName)
                    .orElseGet(() -> limits.clientAddresses().of(request));
        }
        return policy.audience() == Audience.PUBLIC ? limits.clientAddresses().of(request) : "";
    }

    /** A request's token, or the lack of one, and the headers that tell the client about it. */
    private record Taken(Policy policy, ConsumptionProbe probe) {
        void describe(MutableHttpResponse<?> response) {
            // set, not add: the response filter may describe a refusal a second time.
            response.getHeaders().set(Headers.RATE_LIMIT_POLICY, policy.header());
            response.getHeaders().set(Headers.RATE_LIMIT, Headers.remaining(policy.name(), probe));
        }
    }
}
