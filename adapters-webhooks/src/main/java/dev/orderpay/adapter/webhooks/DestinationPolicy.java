package dev.orderpay.adapter.webhooks;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Whether webhooks may use {@code http} and reach loopback and private networks: never in production (the
 * Micronaut environment {@code prod}), unless {@code orderpay.webhook.allow-private} says so; always outside it, so
 * local development and tests can point webhooks at their own machine. Startup says so loudly whenever they may.
 */
@Singleton
class DestinationPolicy implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationPolicy.class);
    private static final Set<String> PRODUCTION = Set.of("prod", "production");

    private final boolean production;
    private final boolean privateNetworksAllowed;

    DestinationPolicy(Environment environment, WebhookConfiguration configuration) {
        this.production = environment.getActiveNames().stream().map(String::toLowerCase).anyMatch(PRODUCTION::contains);
        this.privateNetworksAllowed = !production || configuration.allowPrivate();
    }

    boolean privateNetworksAllowed() {
        return privateNetworksAllowed;
    }

    @Override
    public void onApplicationEvent(StartupEvent started) {
        if (privateNetworksAllowed) {
            LOG.warn("WEBHOOKS MAY REACH PRIVATE NETWORKS ({}): webhook URLs may use http and point at loopback, "
                    + "private, link-local and cloud metadata addresses. Run production with "
                    + "MICRONAUT_ENVIRONMENTS=prod and without ORDERPAY_WEBHOOK_ALLOW_PRIVATE=true.",
                    production ? "orderpay.webhook.allow-private=true" : "not a production environment");
        }
    }
}
