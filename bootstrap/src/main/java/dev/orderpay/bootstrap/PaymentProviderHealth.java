package dev.orderpay.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payment provider as the latest call found it ({@link RecentProviderCalls}), shown among the health details to
 * callers with an API key. Always {@code UP}: a provider outage must never make instances unready, which would turn
 * it into an outage of the whole service (orders could not even be read); the outage is a detail,
 * {@code "state": "outage"}, with when it began.
 */
@Singleton
class PaymentProviderHealth implements HealthIndicator {

    static final String NAME = "paymentProvider";

    private final RecentProviderCalls calls;
    private final String provider;

    PaymentProviderHealth(RecentProviderCalls calls, @Value("${payments.provider}") String provider) {
        this.calls = calls;
        this.provider = provider;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider);
        calls.last().ifPresentOrElse(last -> {
            details.put("state", last.outSince().isPresent() ? "outage" : "answering");
            last.outSince().ifPresent(since -> details.put("outage_since", since.toString()));
            details.put("last_call", last.operation());
            details.put("last_outcome", last.outcome());
            details.put("last_call_at", last.at().toString());
        }, () -> details.put("state", "no_calls_yet"));
        return Publishers.just(HealthResult.builder(NAME, HealthStatus.UP).details(details).build());
    }
}
