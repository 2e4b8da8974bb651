package dev.orderpay.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.logging.LogManager;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts orderpay: with an embedded PostgreSQL when no database is configured, with the payment provider
 * {@link PaymentProviderSelection} chooses, logging in the {@link LogFormat} chosen, and traces only where
 * {@link TracingSelection} finds an endpoint to send them to.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        LogFormat logFormat = LogFormat.choose(System.getenv(), System.getProperties());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        LogManager.getLogManager().getLogger("").addHandler(new OrderLogBridge());
        AtomicReference<ApplicationContext> started = new AtomicReference<>();
        Map<String, Object> properties = new HashMap<>(EmbeddedDatabase.startUnlessConfigured(System.getenv(),
                System.getProperties(), () -> Optional.ofNullable(started.get())));
        properties.put(PaymentProviderSelection.PROPERTY,
                PaymentProviderSelection.choose(System.getenv(), System.getProperties()));
        properties.put(TracingSelection.PROPERTY, TracingSelection.enabled(System.getenv(), System.getProperties()));
        started.set(Micronaut.build(args)
                .mainClass(Application.class)
                .banner(logFormat.showsBanner())
                .properties(properties)
                .start());
    }
}
