package dev.orderpay.adapter.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A meter registry for the tests that read meters; bootstrap brings Prometheus' in production. */
@Factory
@Requires(property = MetersForTests.ENABLED, value = "true")
class MetersForTests {

    static final String ENABLED = "test.meters";

    @Singleton
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
