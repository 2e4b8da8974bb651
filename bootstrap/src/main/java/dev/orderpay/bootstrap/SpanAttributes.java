package dev.orderpay.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.tracing.opentelemetry.instrument.http.client.MicronautHttpClientTelemetryFactory;
import io.micronaut.tracing.opentelemetry.instrument.http.server.MicronautHttpServerTelemetryFactory;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpClientAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import jakarta.inject.Singleton;

/**
 * The attributes of the HTTP spans, in place of the tracing module's: the same semantic conventions, read through
 * {@link ServedRequestAttributes} and {@link CalledAddressAttributes}, so that no query, header, caller or merchant
 * URL reaches a span. (The client's peer-service extractor this also replaces records nothing without a mapping.)
 */
@Factory
@Requires(beans = OpenTelemetry.class)
class SpanAttributes {

    @Singleton
    @MicronautHttpServerTelemetryFactory.Server
    @Replaces(bean = AttributesExtractor.class, factory = MicronautHttpServerTelemetryFactory.class)
    AttributesExtractor<HttpRequest<Object>, HttpResponse<Object>> servedRequests() {
        return HttpServerAttributesExtractor.create(new ServedRequestAttributes());
    }

    @Singleton
    @MicronautHttpClientTelemetryFactory.Client
    @Replaces(bean = AttributesExtractor.class, factory = MicronautHttpClientTelemetryFactory.class)
    AttributesExtractor<MutableHttpRequest<Object>, HttpResponse<Object>> calls() {
        return HttpClientAttributesExtractor.create(new CalledAddressAttributes());
    }
}
