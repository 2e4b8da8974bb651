package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.orderpay.adapter.persistence.PostgresTestDatabase;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service through its real HTTP API: real PostgreSQL, the real Dintero adapter, and Dintero itself
 * played by WireMock. Create → return from the checkout → list.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderPaymentFlowTest implements TestPropertyProvider {

    private static final String ACCOUNT = "T11223674";
    private static final String PUBLIC_URL = "https://shop.example.test";

    private final WireMockServer dintero = new WireMockServer(options().dynamicPort());
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        dintero.start();
        stubTokenAndSessions();
        Map<String, String> properties = new HashMap<>(PostgresTestDatabase.datasourceProperties());
        properties.put("dintero.api-url", dintero.baseUrl());
        properties.put("dintero.checkout-url", dintero.baseUrl());
        properties.put("dintero.account-id", ACCOUNT);
        properties.put("dintero.client-id", "e2e-client");
        properties.put("dintero.client-secret", "e2e-secret");
        properties.put("orderpay.public-url", PUBLIC_URL);
        return properties;
    }

    @AfterAll
    void stopDintero() {
        dintero.stop();
    }

    @Test
    void given_a_new_order_when_the_buyer_pays_and_returns_then_the_list_shows_it_authorized() throws Exception {
        HttpResponse<String> created = send(postJson("/orders", "{\"amount\":29900,\"currency\":\"NOK\",\"receipt\":\"receipt#1\"}"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = json(created);
        String id = order.get("id").getStringValue();
        assertThat(created.headers().firstValue("Location")).contains("/orders/" + id);
        assertThat(order.get("status").getStringValue()).isEqualTo("PENDING");
        assertThat(order.get("links").get(0).get("href").getStringValue())
                .isEqualTo("https://checkout.test.dintero.com/v1/view/" + sessionOf(id));
        dintero.verify(postRequestedFor(urlEqualTo("/v1/sessions-profile"))
                .withHeader("Authorization", equalTo("Bearer e2e-token"))
                .withRequestBody(equalToJson("""
                        {"url": {"return_url": "%s/orders/%s/redirect"},
                         "order": {"amount": 29900, "currency": "NOK", "merchant_reference": "%s"},
                         "profile_id": "default"}""".formatted(PUBLIC_URL, id, id), true, true)));

        stubTransaction("T-paid-" + id, id, sessionOf(id), 29900, "NOK", "AUTHORIZED");
        HttpResponse<String> returned = send(getPath("/orders/" + id + "/redirect?transaction_id=T-paid-" + id
                + "&merchant_reference=" + id));

        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(json(returned).get("order").get("status").getStringValue()).isEqualTo("AUTHORIZED");
        assertThat(statusInList(id)).isEqualTo("AUTHORIZED");

        HttpResponse<String> returnedAgain = send(getPath("/orders/" + id + "/payment-redirect?transaction_id=T-paid-" + id
                + "&merchant_reference=" + id));
        assertThat(returnedAgain.statusCode()).isEqualTo(200);
        assertThat(json(returnedAgain).get("message").getStringValue())
                .isEqualTo(json(returned).get("message").getStringValue());
        assertThat(statusInList(id)).isEqualTo("AUTHORIZED");
    }

    @Test
    void given_a_return_that_points_at_a_payment_for_a_smaller_amount_then_the_order_stays_pending() throws Exception {
        String id = json(send(postJson("/orders", "{\"amount\":50000,\"currency\":\"NOK\",\"receipt\":\"forged\"}")))
                .get("id").getStringValue();
        stubTransaction("T-cheap-" + id, id, sessionOf(id), 100, "NOK", "AUTHORIZED");

        HttpResponse<String> returned = send(getPath("/orders/" + id + "/redirect?transaction_id=T-cheap-" + id));

        assertThat(returned.statusCode()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(returned.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(statusInList(id)).isEqualTo("PENDING");
    }

    @Test
    void given_a_browser_returning_when_the_payment_is_verified_then_it_sees_a_page() throws Exception {
        String id = json(send(postJson("/orders", "{\"amount\":1000,\"currency\":\"NOK\",\"receipt\":\"browser\"}")))
                .get("id").getStringValue();
        stubTransaction("T-html-" + id, id, sessionOf(id), 1000, "NOK", "CAPTURED");

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/orders/" + id + "/redirect?transaction_id=T-html-" + id))
                .header("Accept", "text/html,application/xhtml+xml").GET().build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains(id).contains("CAPTURED");
    }

    @Test
    void given_dintero_down_when_creating_an_order_then_502_and_the_order_is_stored_failed() throws Exception {
        dintero.stubFor(post(urlEqualTo("/v1/sessions-profile"))
                .withRequestBody(matchingJsonPath("$.order.currency", equalTo("SEK")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"maintenance\"}}")));

        HttpResponse<String> created = send(postJson("/orders", "{\"amount\":700,\"currency\":\"SEK\",\"receipt\":\"down\"}"));

        assertThat(created.statusCode()).isEqualTo(502);
        JsonNode problem = json(created);
        assertThat(problem.get("code").getStringValue()).isEqualTo("provider_unavailable");
        assertThat(created.body()).doesNotContain("e2e-secret").doesNotContain("e2e-token");
        String id = problem.get("order_id").getStringValue();
        assertThat(statusInList(id)).isEqualTo("FAILED");
    }

    @Test
    void given_the_service_is_up_then_health_reports_the_database() throws Exception {
        HttpResponse<String> health = send(getPath("/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = json(health);
        assertThat(body.get("status").getStringValue()).isEqualTo("UP");
        assertThat(health.body()).contains("jdbc");
    }

    private void stubTokenAndSessions() {
        dintero.stubFor(post(urlEqualTo("/v1/accounts/" + ACCOUNT + "/auth/token"))
                .willReturn(okJson("{\"access_token\":\"e2e-token\",\"token_type\":\"Bearer\",\"expires_in\":14400}")));
        // Each order gets its own session, named after the order so tests can predict it.
        dintero.stubFor(post(urlEqualTo("/v1/sessions-profile"))
                .willReturn(okJson("""
                        {"id": "%s.sess-{{jsonPath request.body '$.order.merchant_reference'}}",
                         "url": "https://checkout.test.dintero.com/v1/view/%s.sess-{{jsonPath request.body '$.order.merchant_reference'}}"}"""
                        .formatted(ACCOUNT, ACCOUNT))
                        .withTransformers("response-template")));
    }

    private void stubTransaction(String transactionId, String orderId, String sessionId, long amount, String currency,
                                 String status) {
        dintero.stubFor(WireMock.get(urlEqualTo("/v1/transactions/" + transactionId))
                .willReturn(okJson("""
                        {"id": "%s", "session_id": "%s", "merchant_reference": "%s", "amount": %d,
                         "currency": "%s", "status": "%s", "created_at": "2026-11-23T10:00:00Z"}"""
                        .formatted(transactionId, sessionId, orderId, amount, currency, status))));
    }

    private static String sessionOf(String orderId) {
        return ACCOUNT + ".sess-" + orderId;
    }

    private String statusInList(String id) throws Exception {
        for (JsonNode order : json(send(getPath("/orders?limit=200"))).get("orders").values()) {
            if (order.get("id").getStringValue().equals(id)) {
                return order.get("status").getStringValue();
            }
        }
        throw new AssertionError("order " + id + " is not in the list");
    }

    private HttpRequest postJson(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest getPath(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return server.getURI().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), JsonNode.class);
    }
}
