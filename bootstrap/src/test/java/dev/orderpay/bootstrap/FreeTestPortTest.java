package dev.orderpay.bootstrap;

import dev.orderpay.adapter.persistence.PostgresTestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests run while the service itself runs on this machine (the README's run command listens on port 3000):
 * with that port taken, the service under test still starts, on a free port of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FreeTestPortTest implements TestPropertyProvider {

    private static final int SERVICE_PORT = 3000;

    /** Held while the context starts, as a running service would hold it; null when something already does. */
    private ServerSocket takenServicePort;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        takenServicePort = takeServicePortUnlessTaken();
        Map<String, String> properties = new HashMap<>(PostgresTestDatabase.datasourceProperties());
        properties.put("payments.provider", "simulator");
        properties.put("orderpay.reconcile-enabled", "false");
        return properties;
    }

    @AfterAll
    void releaseServicePort() throws IOException {
        if (takenServicePort != null) {
            takenServicePort.close();
        }
    }

    @Test
    void given_the_services_own_port_is_taken_when_the_tests_start_the_service_then_it_answers_on_another()
            throws Exception {
        HttpResponse<String> health = new ServiceClient(server.getURI(), json).getAnonymously("/health");

        assertThat(server.getPort()).isNotEqualTo(SERVICE_PORT);
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static ServerSocket takeServicePortUnlessTaken() {
        try {
            return new ServerSocket(SERVICE_PORT);
        } catch (BindException alreadyTaken) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
