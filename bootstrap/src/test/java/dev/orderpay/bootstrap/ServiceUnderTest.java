package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import dev.orderpay.adapter.persistence.PostgresTestDatabase;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * What an end-to-end test of the whole service needs beside {@code @MicronautTest}: the service's properties (real
 * PostgreSQL, the payment provider, its public URL, the merchant's API key, reconciliation left to the test), the
 * provider's double where it is Dintero, and a {@link #client() client} speaking to the service over HTTP.
 * Register it in a static field with {@code @RegisterExtension}, and have the test's {@code TestPropertyProvider}
 * return {@link #properties()}.
 */
final class ServiceUnderTest implements BeforeEachCallback, AfterAllCallback {

    static final String SHOP_URL = "https://shop.example.test";

    private final DinteroSandbox dintero;
    private final Map<String, String> properties = new HashMap<>();
    // Chosen here rather than by the server, so that the client and the public URL can name it before it starts.
    private final int port = freePort();
    private final ServiceClient client = new ServiceClient(URI.create("http://localhost:" + port),
            JsonMapper.createDefault());

    private ServiceUnderTest(DinteroSandbox dintero, String provider, String publicUrl) {
        this.dintero = dintero;
        properties.putAll(PostgresTestDatabase.datasourceProperties());
        properties.put("payments.provider", provider);
        properties.put("micronaut.server.port", Integer.toString(port));
        properties.put("orderpay.public-url", publicUrl);
        properties.put("orderpay.api-keys", ServiceClient.API_KEY);
        // The tests drive reconciliation themselves where they need it.
        properties.put("orderpay.reconcile-enabled", "false");
    }

    /** Dintero played by WireMock, handing out tokens and opening a session for every order. */
    static ServiceUnderTest withDintero() {
        return new ServiceUnderTest(
                DinteroSandbox.forTheService().grantingTokens().openingSessionsForEveryOrder(), "dintero", SHOP_URL);
    }

    /** The built-in simulator, whose checkout pages the service itself serves at its public URL. */
    static ServiceUnderTest withSimulator() {
        ServiceUnderTest service = new ServiceUnderTest(null, "simulator", null);
        service.properties.put("orderpay.public-url", "http://localhost:" + service.port);
        return service;
    }

    ServiceUnderTest with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /**
     * For the test's {@code TestPropertyProvider}. Micronaut asks for them before any other extension's
     * {@code beforeAll}, so Dintero is started here.
     */
    Map<String, String> properties() {
        Map<String, String> all = new HashMap<>(properties);
        if (dintero != null) {
            all.putAll(dintero.start().serviceProperties());
        }
        return all;
    }

    ServiceClient client() {
        return client;
    }

    DinteroSandbox dintero() {
        if (dintero == null) {
            throw new IllegalStateException("this service runs with the simulator");
        }
        return dintero;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (dintero != null) {
            dintero.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (dintero != null) {
            dintero.stop();
        }
    }

    /** A port nothing listens on now: the service's own, or a receiver that refuses every connection. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
