package dev.orderpay.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.logging.LogManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts orderpay: with an embedded PostgreSQL when no database is configured, with the payment provider
 * {@link PaymentProviderSelection} chooses, logging in the {@link LogFormat} chosen, and traces only where
 * {@link TracingSelection} finds an endpoint to send them to. With {@code keys} as its first argument it runs the
 * {@link KeysCommand} against the same database instead, and exits; with {@code train}, the {@link TrainingRun} the
 * ahead-of-time cache is recorded from.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        LogFormat logFormat = LogFormat.choose(System.getenv(), System.getProperties());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        LogManager.getLogManager().getLogger("").addHandler(new OrderLogBridge());
        AtomicReference<ApplicationContext> started = new AtomicReference<>();
        if (args.length > 0 && TrainingRun.NAME.equals(args[0])) {
            System.exit(TrainingRun.run(System.getenv(), System.err));
        }
        if (args.length > 0 && KeysCommand.NAME.equals(args[0])) {
            System.exit(KeysCommand.run(List.of(args).subList(1, args.length), System.out, System.err, extra -> {
                Map<String, Object> properties = properties(started);
                properties.putAll(extra);
                started.set(ApplicationContext.builder(Application.class).properties(properties).start());
                return started.get();
            }));
        }
        started.set(Micronaut.build(args)
                .mainClass(Application.class)
                .banner(logFormat.showsBanner())
                .properties(properties(started))
                .start());
    }

    /** The database, the provider and tracing, as chosen by the environment. */
    private static Map<String, Object> properties(AtomicReference<ApplicationContext> started) {
        Map<String, Object> properties = new HashMap<>(EmbeddedDatabase.startUnlessConfigured(System.getenv(),
                System.getProperties(), () -> Optional.ofNullable(started.get())));
        properties.put(PaymentProviderSelection.PROPERTY,
                PaymentProviderSelection.choose(System.getenv(), System.getProperties()));
        properties.put(TracingSelection.PROPERTY, TracingSelection.enabled(System.getenv(), System.getProperties()));
        return properties;
    }
}
