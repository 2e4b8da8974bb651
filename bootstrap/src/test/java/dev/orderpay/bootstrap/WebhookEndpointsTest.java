package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merchant's webhook endpoint through its whole life, over real HTTP with real PostgreSQL and the real URL rules:
 * created, listed, disabled, rotated, enabled, deleted, each change audited. Its signing secrets show in the answers
 * to creation and rotation and nowhere else: not in any other answer (the audit log's included), and not in the log,
 * with our loggers at DEBUG.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookEndpointsTest implements TestPropertyProvider {

    private static final String ENDPOINTS = "/webhook-endpoints";
    // Loopback over http: allowed outside production, and nothing is ever sent there by this test.
    private static final String URL = "http://127.0.0.1:9/orderpay-hooks";

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator();

    private final ServiceClient merchant = orderpay.client();
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
    void given_an_endpoint_through_its_life_then_every_answer_is_right_and_its_secrets_show_only_once_each()
            throws Exception {
        List<String> answersWithoutSecret = new ArrayList<>();

        HttpResponse<String> created = merchant.postJson(ENDPOINTS, """
                {"url": "%s", "event_types": ["order.authorized", "order.captured"], "description": "e2e"}"""
                .formatted(URL));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = merchant.json(created);
        String id = endpoint.get("id").getStringValue();
        String firstSecret = endpoint.get("secret").getStringValue();
        assertThat(firstSecret).matches("whsec_[0-9a-f]{64}");
        assertThat(created.headers().firstValue("Location")).contains(ENDPOINTS + "/" + id);
        assertThat(endpoint.get("enabled").getBooleanValue()).isTrue();
        String path = ENDPOINTS + "/" + id;

        HttpResponse<String> list = merchant.get(ENDPOINTS);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id);
        answersWithoutSecret.add(list.body());

        HttpResponse<String> disabled = merchant.patchJson(path, "{\"enabled\": false}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(merchant.json(disabled).get("disabled_reason").getStringValue())
                .isEqualTo("Disabled through the API.");
        answersWithoutSecret.add(disabled.body());

        HttpResponse<String> rotated = merchant.postJson(path + "/rotate-secret", "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String secondSecret = merchant.json(rotated).get("secret").getStringValue();
        assertThat(secondSecret).matches("whsec_[0-9a-f]{64}").isNotEqualTo(firstSecret);
        Instant previousExpires = Instant.parse(
                merchant.json(rotated).get("previous_secret_expires_at").getStringValue());
        // The configured overlap (24 h) from about now.
        assertThat(previousExpires).isBetween(Instant.now().plus(Duration.ofHours(23)),
                Instant.now().plus(Duration.ofHours(25)));

        HttpResponse<String> read = merchant.get(path);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode readBack = merchant.json(read);
        assertThat(readBack.get("enabled").getBooleanValue()).isFalse();
        assertThat(readBack.get("previous_secret_expires_at")).isNotNull();
        assertThat(readBack.get("secret")).isNull();
        // The times shown on creation are the times stored, to the digit.
        assertThat(readBack.get("created_at").getStringValue()).isEqualTo(endpoint.get("created_at").getStringValue());
        answersWithoutSecret.add(read.body());

        HttpResponse<String> enabled = merchant.patchJson(path, "{\"enabled\": true, \"event_types\": [\"*\"]}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(merchant.json(enabled).get("disabled_reason")).isNull();
        assertThat(enabled.body()).contains("\"event_types\":[\"*\"]");
        answersWithoutSecret.add(enabled.body());

        HttpResponse<String> deleted = merchant.delete(path);
        assertThat(deleted.statusCode()).isEqualTo(204);
        HttpResponse<String> gone = merchant.get(path);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(merchant.json(gone).get("code").getStringValue()).isEqualTo("webhook_endpoint_not_found");
        answersWithoutSecret.add(gone.body());
        assertThat(merchant.get(ENDPOINTS).body()).doesNotContain(id);
        // Each change left one audit entry, in the change's transaction, naming the endpoint and no secret.
        HttpResponse<String> audit = merchant.get("/audit-log?target_id=" + id);
        assertThat(audit.statusCode()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        merchant.json(audit).get("entries").values()
                .forEach(entry -> actions.add(entry.get("action").getStringValue()));
        assertThat(actions).containsExactly("webhook_endpoint.deleted", "webhook_endpoint.updated",
                "webhook_endpoint.secret_rotated", "webhook_endpoint.updated", "webhook_endpoint.created");
        answersWithoutSecret.add(audit.body());

        assertThat(answersWithoutSecret).allSatisfy(body -> assertThat(body)
                .doesNotContain(firstSecret).doesNotContain(secondSecret).doesNotContain("whsec_"));
        assertThat(captured.list).as("the test must see the service's log lines").isNotEmpty();
        assertThat(logged()).doesNotContain(firstSecret).doesNotContain(secondSecret);
    }

    @Test
    void given_a_url_that_is_not_one_when_registered_then_400_names_it_and_nothing_is_stored() throws Exception {
        HttpResponse<String> refused = merchant.postJson(ENDPOINTS,
                "{\"url\": \"ftp://127.0.0.1/hooks\", \"event_types\": [\"order.created\", \"order.paid\"]}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = merchant.json(refused).get("errors");
        List<String> fields = new ArrayList<>();
        errors.values().forEach(error -> fields.add(error.get("field").getStringValue()));
        assertThat(fields).containsExactly("event_types[1]");
        // The url is checked by the sender's rules only once the fields are well-formed; then it is named.
        HttpResponse<String> badUrl = merchant.postJson(ENDPOINTS, "{\"url\": \"ftp://127.0.0.1/hooks\"}");
        assertThat(badUrl.statusCode()).as(badUrl.body()).isEqualTo(400);
        assertThat(merchant.json(badUrl).get("errors").get(0).get("field").getStringValue()).isEqualTo("url");
        assertThat(merchant.get(ENDPOINTS).body()).doesNotContain("ftp://");
    }

    private String logged() {
        return List.copyOf(captured.list).stream()
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null
                        ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }
}
