package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.orderpay.adapter.persistence.PostgresTestDatabase;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** Dintero played by WireMock for the end-to-end tests, and the properties that point the service at it. */
final class DinteroStub {

    static final String ACCOUNT = "T11223674";
    static final String CLIENT_SECRET = "e2e-secret";
    static final String TOKEN = "e2e-token";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    /** Starts the stub with a token and sessions. */
    DinteroStub start() {
        server.start();
        stubTokenAndSessions();
        return this;
    }

    /** A token for the service, and a session for every order, named after the order. */
    void stubTokenAndSessions() {
        server.stubFor(post(urlEqualTo("/v1/accounts/" + ACCOUNT + "/auth/token"))
                .willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":14400}")));
        server.stubFor(post(urlEqualTo("/v1/sessions-profile"))
                .willReturn(okJson("""
                        {"id": "%s.sess-{{jsonPath request.body '$.order.merchant_reference'}}",
                         "url": "https://checkout.test.dintero.com/v1/view/%s.sess-{{jsonPath request.body '$.order.merchant_reference'}}"}"""
                        .formatted(ACCOUNT, ACCOUNT))
                        .withTransformers("response-template")));
    }

    void stop() {
        server.stop();
    }

    /** Real PostgreSQL, and Dintero's base URLs pointing here. */
    Map<String, String> serviceProperties(String publicUrl) {
        Map<String, String> properties = new HashMap<>(PostgresTestDatabase.datasourceProperties());
        properties.put("dintero.api-url", server.baseUrl());
        properties.put("dintero.checkout-url", server.baseUrl());
        properties.put("dintero.account-id", ACCOUNT);
        properties.put("dintero.client-id", "e2e-client");
        properties.put("dintero.client-secret", CLIENT_SECRET);
        properties.put("orderpay.public-url", publicUrl);
        properties.put("orderpay.api-keys", ServiceClient.API_KEY);
        // The tests drive reconciliation themselves where they need it.
        properties.put("orderpay.reconcile-enabled", "false");
        return properties;
    }

    static String sessionOf(String orderId) {
        return ACCOUNT + ".sess-" + orderId;
    }

    /** Dintero now holds this transaction. */
    void transaction(String transactionId, String orderId, long amount, String currency, String status) {
        server.stubFor(WireMock.get(urlEqualTo("/v1/transactions/" + transactionId))
                .willReturn(okJson("""
                        {"id": "%s", "session_id": "%s", "merchant_reference": "%s", "amount": %d,
                         "currency": "%s", "status": "%s", "created_at": "2026-11-23T10:00:00Z"}"""
                        .formatted(transactionId, sessionOf(orderId), orderId, amount, currency, status))));
    }

    /** Dintero now shows the order's session, with the transaction made in it if {@code transactionId} is given. */
    void session(String orderId, String transactionId, Instant expiresAt) {
        String transaction = transactionId == null ? "" : "\"transaction_id\": \"" + transactionId + "\",";
        server.stubFor(WireMock.get(urlEqualTo("/v1/sessions/" + sessionOf(orderId)))
                .willReturn(okJson("""
                        {"id": "%s", %s "expires_at": "%s",
                         "url": "https://checkout.test.dintero.com/v1/view/%s", "events": []}"""
                        .formatted(sessionOf(orderId), transaction, expiresAt, sessionOf(orderId)))));
    }

    /** Dintero answers 503 when asked about this transaction. */
    void transactionUnavailable(String transactionId) {
        server.stubFor(WireMock.get(urlEqualTo("/v1/transactions/" + transactionId)).atPriority(1)
                .willReturn(WireMock.aResponse().withStatus(503)));
    }

    /**
     * Dintero answers a capture or refund of this transaction with the transaction as it then stands.
     *
     * @param operation {@code capture} or {@code refund}
     * @param events    the transaction's events array after the operation, as JSON
     */
    void operationAnswers(String transactionId, String operation, String orderId, long amount, String currency,
                          String statusAfter, String events) {
        server.stubFor(post(urlEqualTo("/v1/transactions/" + transactionId + "/" + operation))
                .willReturn(okJson("""
                        {"id": "%s", "session_id": "%s", "merchant_reference": "%s", "amount": %d,
                         "currency": "%s", "status": "%s", "created_at": "2026-11-23T10:00:00Z", "events": %s}"""
                        .formatted(transactionId, sessionOf(orderId), orderId, amount, currency, statusAfter,
                                events))));
    }
}
