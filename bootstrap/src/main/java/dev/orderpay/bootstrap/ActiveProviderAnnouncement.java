package dev.orderpay.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at startup, where nobody can miss it, which payment provider takes the money: the one configuration chose
 * ({@value PaymentProviderSelection#PROPERTY}), the same setting that picks the gateway.
 */
@Singleton
class ActiveProviderAnnouncement implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveProviderAnnouncement.class);

    private final String provider;

    ActiveProviderAnnouncement(@Value("${" + PaymentProviderSelection.PROPERTY + "}") String provider) {
        this.provider = provider;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        announce();
    }

    void announce() {
        if (provider.equals(PaymentProviderSelection.SIMULATOR)) {
            LOG.warn("PAYMENT PROVIDER: the SIMULATOR is active. No real money moves; checkouts are served by this "
                    + "service at /simulator/checkout. Set PAYMENTS_PROVIDER=dintero for real payments.");
        } else {
            LOG.info("PAYMENT PROVIDER: {} is active", provider);
        }
    }
}
