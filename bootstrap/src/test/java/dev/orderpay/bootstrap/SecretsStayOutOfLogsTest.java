package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the service logs while it works with credentials — Dintero's client secret and token, the merchant's
 * API key, the callback secret — and with a customer's personal data (e-mail, phone, names, address), with our own
 * loggers at DEBUG, and not one of them appears in a log line, written in either log format by the encoder
 * logback.xml configures for it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsStayOutOfLogsTest implements TestPropertyProvider {

    private static final String CALLBACK_SECRET = "e2e-callback-secret";
    private static final List<String> PERSONAL_DATA = List.of("kari.logged@example.com", "+4791234567", "Karilogged",
            "Nordlogged", "Loggata 17", "Loggby");

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero()
            .with("dintero.callback-secret", CALLBACK_SECRET);

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private String managedKey;

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

    @BeforeAll
    void aDayOfWorkWithCredentials() throws Exception {
        ServiceClient merchant = orderpay.client();
        String id = merchant.createOrder(1234, "NOK", "secrets");
        orderpay.dintero().givenTransaction("T-secret-" + id, id, 1234, "NOK", "AUTHORIZED");
        merchant.get("/orders/" + id + "/redirect?transaction_id=T-secret-" + id);
        // An order with a customer and addresses, shown and listed by e-mail, and one refused for bad details.
        String withCustomer = merchant.json(merchant.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "personal",
                 "customer": {"email": "kari.logged@example.com", "phone_number": "+4791234567",
                              "first_name": "Karilogged", "last_name": "Nordlogged"},
                 "shipping_address": {"address_line": "Loggata 17", "postal_code": "0155",
                                      "postal_place": "Loggby", "country": "NO"}}"""))
                .get("id").getStringValue();
        merchant.get("/orders/" + withCustomer);
        merchant.get("/orders?customer_email=kari.logged@example.com");
        merchant.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "personal", "customer": {"email": "Karilogged"},
                 "shipping_address": {"address_line": "Loggata 17", "postal_code": "0155",
                                      "postal_place": "Loggby", "country": "Loggby"}}""");
        // A callback with a forged signature is refused, and its refusal is logged.
        merchant.get("/orders/" + id + "/callback?transaction_id=T-secret-" + id,
                "Dintero-Signature", "t=1,v0-hmac-sha256=00");
        merchant.get("/orders", "Authorization", "Bearer wrong-" + ServiceClient.API_KEY);
        // A managed key made, used, revoked and tried again.
        JsonNode created = merchant.json(merchant.postJson("/api-keys",
                "{\"name\": \"logged?\", \"scopes\": [\"orders:read\"]}"));
        managedKey = created.get("key").getStringValue();
        merchant.get("/orders", "Authorization", "Bearer " + managedKey);
        merchant.postJson("/orders", "{}", "Authorization", "Bearer " + managedKey);
        merchant.delete("/api-keys/" + created.get("id").getStringValue());
        merchant.get("/orders", "Authorization", "Bearer " + managedKey);
    }

    @ParameterizedTest
    @EnumSource(LogFormat.class)
    void given_a_day_of_work_with_credentials_then_no_credential_is_logged(LogFormat format) throws Exception {
        String everything = written(format);

        assertThat(captured.list).as("the test must see the service's log lines").isNotEmpty();
        assertThat(everything).as("what the %s encoder wrote", format).isNotBlank()
                .doesNotContain(DinteroSandbox.CLIENT_SECRET)
                .doesNotContain(DinteroSandbox.ACCESS_TOKEN)
                .doesNotContain(ServiceClient.API_KEY)
                .doesNotContain(managedKey)
                .doesNotContain(CALLBACK_SECRET);
    }

    @ParameterizedTest
    @EnumSource(LogFormat.class)
    void given_a_day_of_work_with_personal_data_then_none_of_it_is_logged(LogFormat format) throws Exception {
        String everything = written(format);

        assertThat(everything).as("what the %s encoder wrote", format).isNotBlank();
        assertThat(PERSONAL_DATA).allSatisfy(personal -> assertThat(everything).doesNotContain(personal));
    }

    /** The captured lines as the service writes them in this format, through logback.xml's own encoder for it. */
    private String written(LogFormat format) throws JoranException {
        LoggerContext configured = new LoggerContext();
        try {
            configured.putProperty(LogFormat.PROPERTY, format.fileSuffix());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(configured);
            configurator.doConfigure(getClass().getResource("/logback.xml"));
            // The console appender sits behind the one that adds trace ids (TRACED).
            AppenderAttachable<ILoggingEvent> traced = (AppenderAttachable<ILoggingEvent>) configured
                    .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("TRACED");
            Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) traced.getAppender("STDOUT"))
                    .getEncoder();
            return List.copyOf(captured.list).stream()
                    .map(event -> new String(encoder.encode(event), StandardCharsets.UTF_8))
                    .collect(Collectors.joining());
        } finally {
            configured.stop();
        }
    }
}
