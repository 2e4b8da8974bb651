package dev.orderpay.bootstrap;

import dev.orderpay.adapter.rest.security.RequiredScopes;
import io.micronaut.configuration.metrics.micrometer.prometheus.management.PrometheusEndpoint;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Who may read the sensitive management endpoints: {@code /prometheus} needs an API key holding
 * {@code metrics:read}; a key without it is refused 403 naming that scope. With {@code orderpay.metrics-open=true}
 * anyone may read {@code /prometheus}, for scrapers that cannot send a key; the metrics carry no order data, only
 * counts, timings and statuses. Any other sensitive endpoint takes any API key. Micronaut's own rule refuses every
 * caller until it is replaced.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class EndpointAccessRule extends SensitiveEndpointRule {

    static final String METRICS_OPEN = "orderpay.metrics-open";

    private final boolean metricsOpen;

    EndpointAccessRule(EndpointSensitivityProcessor sensitivity,
                       @Value("${" + METRICS_OPEN + ":false}") boolean metricsOpen) {
        super(sensitivity);
        this.metricsOpen = metricsOpen;
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request,
                                                                        Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        if (method.getDeclaringType() != PrometheusEndpoint.class || metricsOpen
                || authentication.getRoles().contains(RequiredScopes.METRICS_READ)) {
            return Publishers.just(SecurityRuleResult.ALLOWED);
        }
        request.setAttribute(RequiredScopes.MISSING_SCOPE_ATTRIBUTE, RequiredScopes.METRICS_READ);
        return Publishers.just(SecurityRuleResult.REJECTED);
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAnonymous(HttpRequest<?> request,
                                                                    ExecutableMethod<?, ?> method) {
        return metricsOpen && method.getDeclaringType() == PrometheusEndpoint.class
                ? Publishers.just(SecurityRuleResult.ALLOWED)
                : super.checkSensitiveAnonymous(request, method);
    }
}
