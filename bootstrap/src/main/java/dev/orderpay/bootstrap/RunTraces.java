package dev.orderpay.bootstrap;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.tracing.opentelemetry.OpenTelemetryPropagationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A scheduled job's run as a trace of its own: a root span, current for the run and, through Micronaut's context
 * propagation, on the threads the run hands work to, so the provider calls it makes are its children. It opens the
 * run's log context ({@link LoggedRun}) with it. Without tracing there is no OpenTelemetry bean, and a run opens its
 * log context only.
 */
@Singleton
final class RunTraces {

    private final Tracer tracer;

    RunTraces(Optional<OpenTelemetry> openTelemetry) {
        this.tracer = openTelemetry.map(telemetry -> telemetry.getTracer("dev.orderpay.bootstrap")).orElse(null);
    }

    /** Opens a run named {@code name}; close it when the run ends. */
    Run begin(String name) {
        PropagatedContext context = LoggedRun.context();
        if (tracer == null) {
            return new Run(Span.getInvalid(), context.propagate());
        }
        // Never the child of whatever the scheduler's thread last did.
        Span span = tracer.spanBuilder(name).setNoParent().setSpanKind(SpanKind.INTERNAL).startSpan();
        return new Run(span, context.plus(new OpenTelemetryPropagationContext(Context.root().with(span))).propagate());
    }

    /** A run in progress; its span takes attributes (a no-op without tracing). */
    record Run(Span span, PropagatedContext.Scope scope) implements AutoCloseable {

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
