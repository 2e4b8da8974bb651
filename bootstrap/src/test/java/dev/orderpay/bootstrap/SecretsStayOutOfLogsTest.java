package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the service logs while it works with credentials — Dintero's client secret and token, the merchant's
 * API key, the callback secret — with our own loggers at DEBUG, and not one of them appears in a log line.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsStayOutOfLogsTest implements TestPropertyProvider {

    private static final String CALLBACK_SECRET = "e2e-callback-secret";

    private final DinteroStub dintero = new DinteroStub();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        ((Logger) LoggerFactory.getLogger("dev.orderpay")).setLevel(Level.DEBUG);

        Map<String, String> properties = new HashMap<>(dintero.start().serviceProperties("https://shop.example.test"));
        properties.put("dintero.callback-secret", CALLBACK_SECRET);
        return properties;
    }

    @AfterAll
    void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(captured);
        dintero.stop();
    }

    @Test
    void given_a_day_of_work_with_credentials_then_no_credential_is_logged() throws Exception {
        ServiceClient merchant = new ServiceClient(server.getURI(), json);
        String id = merchant.createOrder(1234, "NOK", "secrets");
        dintero.transaction("T-secret-" + id, id, 1234, "NOK", "AUTHORIZED");
        merchant.get("/orders/" + id + "/redirect?transaction_id=T-secret-" + id);
        // A callback with a forged signature is refused, and its refusal is logged.
        merchant.get("/orders/" + id + "/callback?transaction_id=T-secret-" + id,
                "Dintero-Signature", "t=1,v0-hmac-sha256=00");
        merchant.get("/orders", "Authorization", "Bearer wrong-" + ServiceClient.API_KEY);

        String everything = logged();
        assertThat(captured.list).as("the test must see the service's log lines").isNotEmpty();
        assertThat(everything)
                .doesNotContain(DinteroStub.CLIENT_SECRET)
                .doesNotContain(DinteroStub.TOKEN)
                .doesNotContain(ServiceClient.API_KEY)
                .doesNotContain(CALLBACK_SECRET);
    }

    private String logged() {
        List<ILoggingEvent> events = List.copyOf(captured.list);
        return events.stream()
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }
}
