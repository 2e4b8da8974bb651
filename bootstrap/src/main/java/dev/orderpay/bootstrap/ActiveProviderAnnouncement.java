package dev.orderpay.bootstrap;

import dev.orderpay.application.port.out.PaymentGateway;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Says at startup, where nobody can miss it, which payment provider takes the money. */
@Singleton
class ActiveProviderAnnouncement implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveProviderAnnouncement.class);

    private final PaymentGateway gateway;

    ActiveProviderAnnouncement(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String provider = gateway.getClass().getSimpleName().replace("PaymentGateway", "").replaceAll("\\$.*", "");
        if (provider.toLowerCase(Locale.ROOT).startsWith(PaymentProviderSelection.SIMULATOR)) {
            LOG.warn("PAYMENT PROVIDER: the SIMULATOR is active. No real money moves; checkouts are served by this "
                    + "service at /simulator/checkout. Set PAYMENTS_PROVIDER=dintero for real payments.");
        } else {
            LOG.info("PAYMENT PROVIDER: {} is active", provider);
        }
    }
}
