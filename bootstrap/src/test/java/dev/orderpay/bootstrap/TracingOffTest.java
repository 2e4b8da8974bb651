package dev.orderpay.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.filter.HttpClientFilter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an OTLP endpoint (the default, as application.yml leaves it) nothing of tracing runs: no SDK, no filter on
 * requests or calls, no exporter thread.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingOffTest implements TestPropertyProvider {

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator();

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_no_otlp_endpoint_then_no_tracing_bean_filter_or_thread_exists() throws Exception {
        assertThat(orderpay.client().createOrder(1000, "NOK", "untraced")).isNotBlank();

        assertThat(context.containsBean(OpenTelemetry.class)).isFalse();
        assertThat(context.getBeansOfType(HttpServerFilter.class)).extracting(filter -> filter.getClass().getName())
                .noneMatch(name -> name.contains("opentelemetry"));
        assertThat(context.getBeansOfType(HttpClientFilter.class)).extracting(filter -> filter.getClass().getName())
                .noneMatch(name -> name.contains("opentelemetry"));
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("BatchSpanProcessor") || name.startsWith("OkHttp"));
    }
}
