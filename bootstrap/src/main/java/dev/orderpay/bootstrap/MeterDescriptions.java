package dev.orderpay.bootstrap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Gives Micronaut's own timers the help text Prometheus expects ({@code promtool check metrics} flags a metric
 * without one); meters that bring a description keep it.
 */
@Singleton
class MeterDescriptions implements MeterFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests served, per route template, method and status",
            "http.client.requests", "HTTP requests sent by the service's declarative clients",
            "executor", "Time tasks took on the service's executors");

    @Override
    public Meter.Id map(Meter.Id id) {
        String description = DESCRIPTIONS.get(id.getName());
        if (description == null || id.getDescription() != null) {
            return id;
        }
        return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), description, id.getType());
    }
}
