package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Money;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Routes that fail in ways the real use cases cannot be made to, to see how such failures are answered. */
@Requires(env = Environment.TEST)
@Controller("/test-failures")
@Secured(SecurityRule.IS_AUTHENTICATED)
class FailingTestRoutes {

    static final String UNEXPECTED = "/test-failures/unexpected";
    static final String INVALID_VALUE = "/test-failures/invalid-value";
    static final String SECRET = "db-password=hunter2";

    @Get("/unexpected")
    String unexpected() {
        throw new IllegalStateException("connection failed with " + SECRET);
    }

    @Get("/invalid-value")
    String invalidValue() {
        return Money.of(100, "XXX").toString();
    }
}
