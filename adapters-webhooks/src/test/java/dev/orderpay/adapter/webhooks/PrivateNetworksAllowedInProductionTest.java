package dev.orderpay.adapter.webhooks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ORDERPAY_WEBHOOK_ALLOW_PRIVATE, and the loud warning whenever webhooks may reach private networks. */
class PrivateNetworksAllowedInProductionTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        policyLogger().addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        policyLogger().detachAppender(logs);
    }

    @Test
    void production_with_allow_private_lets_http_and_loopback_through_and_warns_at_startup() {
        try (ApplicationContext context = start(Map.of("orderpay.webhook.allow-private", true), "prod")) {
            WebhookDestinations destinations = context.getBean(WebhookDestinations.class);

            assertThat(destinations.refusal(URI.create("http://127.0.0.1:9000/hooks"))).isEmpty();
            assertThat(warnings()).singleElement().asString()
                    .contains("WEBHOOKS MAY REACH PRIVATE NETWORKS", "orderpay.webhook.allow-private=true");
        }
    }

    @Test
    void outside_production_startup_warns_too() {
        try (ApplicationContext context = start(Map.of(), "test")) {
            assertThat(context.getBean(DestinationPolicy.class).privateNetworksAllowed()).isTrue();
            assertThat(warnings()).singleElement().asString()
                    .contains("WEBHOOKS MAY REACH PRIVATE NETWORKS", "not a production environment");
        }
    }

    @Test
    void production_without_it_refuses_and_stays_quiet() {
        try (ApplicationContext context = start(Map.of(), "prod")) {
            WebhookDestinations destinations = context.getBean(WebhookDestinations.class);

            assertThat(destinations.refusal(URI.create("https://127.0.0.1/"))).isPresent();
            assertThat(warnings()).isEmpty();
        }
    }

    private static ApplicationContext start(Map<String, Object> properties, String environment) {
        return ApplicationContext.builder().environments(environment).deduceEnvironment(false)
                .properties(properties).singletons(new HostNamesForTests()).start();
    }

    private java.util.List<String> warnings() {
        return logs.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static Logger policyLogger() {
        return (Logger) LoggerFactory.getLogger(DestinationPolicy.class);
    }
}
