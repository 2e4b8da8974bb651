package dev.orderpay.adapter.webhooks;

import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.application.port.out.webhook.WebhookSender;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.Map;

/**
 * This adapter's beans in a Micronaut context of their own, as a JUnit 5 extension (register it in a static field
 * with {@code @RegisterExtension}): started before the class's tests, with {@link HostNamesForTests} as the
 * resolver (its names forgotten before each test), closed after the last.
 */
final class WebhooksAdapter implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final boolean production;
    private final Map<String, Object> properties = new HashMap<>();
    private final HostNamesForTests names = new HostNamesForTests();
    private ApplicationContext context;

    private WebhooksAdapter(boolean production) {
        this.production = production;
    }

    /** As in production: https only, public addresses only. */
    static WebhooksAdapter inProduction() {
        return new WebhooksAdapter(true);
    }

    /** As in development and tests: http and private addresses allowed. */
    static WebhooksAdapter outsideProduction() {
        return new WebhooksAdapter(false);
    }

    WebhooksAdapter with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = ApplicationContext.builder()
                .environments(production ? "prod" : "test")
                .deduceEnvironment(false)
                .properties(properties)
                .singletons(names)
                .start();
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        names.forgetAll();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        context.close();
    }

    HostNamesForTests names() {
        return names;
    }

    WebhookDestinations destinations() {
        return context.getBean(WebhookDestinations.class);
    }

    WebhookSender sender() {
        return context.getBean(WebhookSender.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
