package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

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

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero()
            .with("dintero.callback-secret", CALLBACK_SECRET);

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @Override
    public Map<String, String> getProperties() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        ((Logger) LoggerFactory.getLogger("dev.orderpay")).setLevel(Level.DEBUG);
        return orderpay.properties();
    }

    @AfterAll
    void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(captured);
    }

    @Test
    void given_a_day_of_work_with_credentials_then_no_credential_is_logged() throws Exception {
        ServiceClient merchant = orderpay.client();
        String id = merchant.createOrder(1234, "NOK", "secrets");
        orderpay.dintero().givenTransaction("T-secret-" + id, id, 1234, "NOK", "AUTHORIZED");
        merchant.get("/orders/" + id + "/redirect?transaction_id=T-secret-" + id);
        // A callback with a forged signature is refused, and its refusal is logged.
        merchant.get("/orders/" + id + "/callback?transaction_id=T-secret-" + id,
                "Dintero-Signature", "t=1,v0-hmac-sha256=00");
        merchant.get("/orders", "Authorization", "Bearer wrong-" + ServiceClient.API_KEY);

        String everything = logged();
        assertThat(captured.list).as("the test must see the service's log lines").isNotEmpty();
        assertThat(everything)
                .doesNotContain(DinteroSandbox.CLIENT_SECRET)
                .doesNotContain(DinteroSandbox.ACCESS_TOKEN)
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
