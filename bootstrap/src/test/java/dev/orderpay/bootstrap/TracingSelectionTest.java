package dev.orderpay.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSelectionTest {

    @Test
    void given_no_otlp_endpoint_then_tracing_stays_off() {
        assertThat(TracingSelection.enabled(Map.of(), new Properties())).isFalse();
        assertThat(TracingSelection.enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "), new Properties())).isFalse();
    }

    @Test
    void given_an_otlp_endpoint_then_tracing_is_on() {
        assertThat(TracingSelection.enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"),
                new Properties())).isTrue();
        assertThat(TracingSelection.enabled(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "http://collector:4318/v1/traces"), new Properties())).isTrue();
        Properties systemProperties = new Properties();
        systemProperties.setProperty("otel.exporter.otlp.endpoint", "http://collector:4318");
        assertThat(TracingSelection.enabled(Map.of(), systemProperties)).isTrue();
    }

    @Test
    void given_the_sdk_disabled_then_tracing_stays_off_even_with_an_endpoint() {
        assertThat(TracingSelection.enabled(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_SDK_DISABLED", "TRUE"),
                new Properties())).isFalse();
        Properties systemProperties = new Properties();
        systemProperties.setProperty("otel.sdk.disabled", "false");
        assertThat(TracingSelection.enabled(
                Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_SDK_DISABLED", "true"),
                systemProperties)).isTrue();
    }
}
