package dev.orderpay.adapter.rest.ratelimit;

import dev.orderpay.adapter.rest.ApiDocumentation;
import io.github.bucket4j.ConsumptionProbe;

import java.util.concurrent.TimeUnit;

/**
 * The header fields of the IETF httpapi draft "RateLimit header fields for HTTP", in their structured-field form:
 * {@code RateLimit-Policy: "merchant";q=6000;w=60} states the policy (quota and window in seconds) and
 * {@code RateLimit: "merchant";r=5990;t=12} what is left of it (remaining requests, seconds until the bucket is full
 * again). Policy names are lower-case letters and hyphens, so they need no escaping inside the quotes.
 */
final class Headers {

    static final String RATE_LIMIT = ApiDocumentation.RATE_LIMIT_HEADER;
    static final String RATE_LIMIT_POLICY = ApiDocumentation.RATE_LIMIT_POLICY_HEADER;

    private Headers() {
    }

    static String policy(String name, RateLimit limit) {
        return '"' + name + "\";q=" + limit.requests() + ";w=" + limit.periodSeconds();
    }

    static String remaining(String name, ConsumptionProbe probe) {
        return '"' + name + "\";r=" + probe.getRemainingTokens() + ";t="
                + wholeSecondsUp(probe.getNanosToWaitForReset());
    }

    /** Retry-After for a refused request: when the next token is back, in whole seconds, at least one. */
    static String retryAfter(ConsumptionProbe refused) {
        return Long.toString(Math.max(1, wholeSecondsUp(refused.getNanosToWaitForRefill())));
    }

    private static long wholeSecondsUp(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
