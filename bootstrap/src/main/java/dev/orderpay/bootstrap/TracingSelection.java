package dev.orderpay.bootstrap;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Whether the service records traces: only where an OTLP endpoint to send them to is configured, with the standard
 * OpenTelemetry variables ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or
 * their system properties), and the SDK is not disabled ({@code OTEL_SDK_DISABLED=true}). Otherwise Micronaut's
 * tracing module stays off ({@code micronaut.otel.enabled=false}): no SDK is built, no exporter thread runs, and no
 * filter touches a request or a call.
 */
final class TracingSelection {

    static final String PROPERTY = "micronaut.otel.enabled";

    private static final String[] ENDPOINTS = {"otel.exporter.otlp.endpoint", "otel.exporter.otlp.traces.endpoint"};
    private static final String DISABLED = "otel.sdk.disabled";

    private TracingSelection() {
    }

    static boolean enabled(Map<String, String> environment, Properties systemProperties) {
        boolean endpoint = Stream.of(ENDPOINTS)
                .anyMatch(name -> !setting(name, environment, systemProperties).isBlank());
        return endpoint && !setting(DISABLED, environment, systemProperties).trim().equalsIgnoreCase("true");
    }

    /** As OpenTelemetry reads its settings: the system property wins over the variable (OTEL_SDK_DISABLED). */
    private static String setting(String name, Map<String, String> environment, Properties systemProperties) {
        String variable = name.toUpperCase(Locale.ROOT).replace('.', '_');
        return systemProperties.getProperty(name, environment.getOrDefault(variable, ""));
    }
}
