package dev.orderpay.bootstrap;

import io.micronaut.runtime.Micronaut;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts orderpay: with an embedded PostgreSQL when no database is configured, and with the payment provider
 * {@link PaymentProviderSelection} chooses.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Map<String, Object> properties = new HashMap<>(
                EmbeddedDatabase.startUnlessConfigured(System.getenv(), System.getProperties()));
        properties.put(PaymentProviderSelection.PROPERTY,
                PaymentProviderSelection.choose(System.getenv(), System.getProperties()));
        Micronaut.build(args)
                .mainClass(Application.class)
                .properties(properties)
                .start();
    }
}
