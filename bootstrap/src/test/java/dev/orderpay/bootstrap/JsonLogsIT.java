package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar with {@code ORDERPAY_LOG_FORMAT=json}: every line on standard output, from the first (no banner)
 * to the last, is one JSON object, and the lines written while a request is handled carry its request id, those
 * of the provider's adapter included, and a line about an order carries the order's id.
 */
class JsonLogsIT {

    private static final String CALLBACK_SECRET = "json-callback-secret";

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheService().grantingTokens().openingSessionsForEveryOrder();

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void given_json_logs_when_orders_are_handled_then_every_line_is_json_with_the_request_and_order_ids()
            throws Exception {
        Map<String, String> environment = new HashMap<>(ServiceProcess.onTheTestDatabase());
        environment.putAll(Map.of(
                "ORDERPAY_LOG_FORMAT", "json",
                "DINTERO_ACCOUNT_ID", DinteroSandbox.ACCOUNT_ID,
                "DINTERO_CLIENT_ID", "json-client",
                "DINTERO_CLIENT_SECRET", DinteroSandbox.CLIENT_SECRET,
                "DINTERO_CALLBACK_SECRET", CALLBACK_SECRET,
                "DINTERO_API_URL", dintero.wireMock().baseUrl(),
                "DINTERO_CHECKOUT_URL", dintero.wireMock().baseUrl()));
        List<JsonNode> lines;
        String orderId;
        HttpResponse<String> health;
        try (ServiceProcess service = ServiceProcess.start(Path.of("target", "json-logs"), environment)) {
            ServiceClient merchant = new ServiceClient(service.base(), json);
            HttpResponse<String> created = merchant.postJson("/orders",
                    json.writeValueAsString(Map.of("amount", 29900, "currency", "NOK", "receipt", "json logs")),
                    "X-Request-Id", "json-create-1");
            orderId = merchant.json(created).get("id").getStringValue();
            // Refused for its forged signature, and the refusal is logged by the core.
            HttpResponse<String> callback = merchant.get("/orders/" + orderId + "/callback?transaction_id=T-json",
                    "Dintero-Signature", "t=1,v0-hmac-sha256=00", "X-Request-Id", "json-callback-1");
            health = merchant.getAnonymously("/health");

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Request-Id")).contains("json-create-1");
            assertThat(callback.statusCode()).isEqualTo(401);
            assertThat(callback.headers().firstValue("Request-Id")).contains("json-callback-1");
            lines = jsonLines(service.standardOutput());
        }

        assertThat(health.headers().firstValue("Request-Id")).isPresent();
        assertThat(lines).as("the service's lines").hasSizeGreaterThan(5)
                .allSatisfy(line -> assertThat(List.of("timestamp", "level", "loggerName", "threadName",
                        "formattedMessage")).allSatisfy(field -> assertThat(line.get(field)).as(field).isNotNull()));
        assertThat(lines).filteredOn(line -> text(line, "loggerName").contains(".adapter.dintero."))
                .as("the provider adapter's lines while creating")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(mdc(line, "request_id")).contains("json-create-1"));
        assertThat(lines).filteredOn(line -> text(line, "formattedMessage").contains("refused a notification"))
                .as("the core's line about the refused callback")
                .singleElement()
                .satisfies(line -> {
                    assertThat(mdc(line, "request_id")).contains("json-callback-1");
                    assertThat(mdc(line, "order_id")).contains(orderId);
                });
    }

    /** Each line parsed, failing on the first that is not a JSON object. */
    private List<JsonNode> jsonLines(String output) {
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = json.readValue(line, JsonNode.class);
                assertThat(node.isObject()).as(line).isTrue();
                parsed.add(node);
            } catch (Exception notJson) {
                throw new AssertionError("not a JSON line: " + line, notJson);
            }
        }
        return parsed;
    }

    private static String text(JsonNode line, String field) {
        return Optional.ofNullable(line.get(field)).map(JsonNode::getStringValue).orElse("");
    }

    private static Optional<String> mdc(JsonNode line, String key) {
        return Optional.ofNullable(line.get("mdc")).map(mdc -> mdc.get(key)).map(JsonNode::getStringValue);
    }
}
