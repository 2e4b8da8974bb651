package dev.orderpay.adapter.dintero;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import io.micronaut.context.ApplicationContext;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock playing Dintero on a free port, and a Micronaut context whose Dintero clients point at it.
 * Each test takes a {@link #newGateway() new gateway}, so no token is carried over from an earlier test.
 */
final class DinteroSandbox implements AutoCloseable {

    static final String ACCOUNT_ID = "T11223344";
    static final String CLIENT_ID = "client-id-123";
    static final String CLIENT_SECRET = "s3cr3t-client-secret";
    /** base64("client-id-123:s3cr3t-client-secret"), worked out by hand rather than by the code under test. */
    static final String BASIC_CREDENTIALS = "Basic Y2xpZW50LWlkLTEyMzpzM2NyM3QtY2xpZW50LXNlY3JldA==";
    static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.access-token-one.signature";
    static final String PROFILE_ID = "orderpay-test-profile";
    static final String TOKEN_PATH = "/v1/accounts/" + ACCOUNT_ID + "/auth/token";
    static final String SESSION_PATH = "/v1/sessions-profile";
    static final int READ_TIMEOUT_MILLIS = 2_000;
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(2);
    static final Instant EXPIRES_AT = Instant.parse("2026-03-08T16:00:00Z");

    final WireMockServer wireMock;
    final ApplicationContext context;

    private DinteroSandbox(WireMockServer wireMock, ApplicationContext context) {
        this.wireMock = wireMock;
        this.context = context;
    }

    static DinteroSandbox start() {
        return start(Map.of());
    }

    /** The extensions are WireMock's, for stubs that answer from state kept across requests. */
    static DinteroSandbox start(Map<String, Object> overrides, Extension... extensions) {
        WireMockServer wireMock = new WireMockServer(options().dynamicPort().extensions(extensions));
        wireMock.start();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.http.services.dintero-api.url", wireMock.baseUrl());
        properties.put("micronaut.http.services.dintero-api.read-timeout", READ_TIMEOUT_MILLIS + "ms");
        properties.put("micronaut.http.services.dintero-api.connect-timeout", "500ms");
        properties.put("micronaut.http.services.dintero-checkout.url", wireMock.baseUrl());
        properties.put("micronaut.http.services.dintero-checkout.read-timeout", READ_TIMEOUT_MILLIS + "ms");
        properties.put("micronaut.http.services.dintero-checkout.connect-timeout", "500ms");
        properties.put("dintero.account-id", ACCOUNT_ID);
        properties.put("dintero.client-id", CLIENT_ID);
        properties.put("dintero.client-secret", CLIENT_SECRET);
        properties.put("dintero.profile-id", PROFILE_ID);
        properties.putAll(overrides);
        DinteroSandbox sandbox = new DinteroSandbox(wireMock, ApplicationContext.run(properties));
        sandbox.warmUp();
        return sandbox;
    }

    /**
     * The first request of a JVM sets up Netty, WireMock's Jetty and the JSON codecs, which on a busy machine can
     * take longer than the read timeout: make it here, so no test is timed against it.
     */
    private void warmUp() {
        try {
            context.getBean(DinteroCheckoutClient.class).getTransaction("Bearer warm-up", "warm-up");
        } catch (RuntimeException slowOrRefused) {
            // Either way the client is initialised now.
        }
        wireMock.resetAll();
    }

    DinteroPaymentGateway newGateway() {
        return newGateway(Clock.systemUTC());
    }

    /** The clock serves both the token cache and the callback signature's age. */
    DinteroPaymentGateway newGateway(Clock clock) {
        DinteroConfiguration configuration = context.getBean(DinteroConfiguration.class);
        DinteroAccessTokens tokens = new DinteroAccessTokens(context.getBean(DinteroAuthClient.class), configuration,
                LONGEST_RETRY_AFTER, clock);
        return new DinteroPaymentGateway(context.getBean(DinteroCheckoutClient.class), tokens,
                new DinteroCallbacks(configuration, clock), configuration);
    }

    void givenToken(String token, long expiresInSeconds) {
        wireMock.stubFor(tokenRequest().willReturn(tokenAnswer(token, expiresInSeconds)));
    }

    static MappingBuilder tokenRequest() {
        return post(urlEqualTo(TOKEN_PATH));
    }

    static ResponseDefinitionBuilder tokenAnswer(String token, long expiresInSeconds) {
        return okJson("""
                {"access_token": "%s", "token_type": "Bearer", "expires_in": %d}""".formatted(token, expiresInSeconds));
    }

    void givenSessionCreated(String sessionId) {
        wireMock.stubFor(sessionRequest().willReturn(sessionAnswer(sessionId)));
    }

    static MappingBuilder sessionRequest() {
        return post(urlEqualTo(SESSION_PATH));
    }

    static ResponseDefinitionBuilder sessionAnswer(String sessionId) {
        return okJson("""
                {"id": "%s", "url": "https://checkout.test.dintero.com/v1/view/%s"}""".formatted(sessionId, sessionId));
    }

    void givenTransaction(String transactionId, String json) {
        wireMock.stubFor(get(urlEqualTo("/v1/transactions/" + transactionId)).willReturn(okJson(json)));
    }

    void givenTransactionAnswer(String transactionId, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo("/v1/transactions/" + transactionId)).willReturn(answer));
    }

    static ResponseDefinitionBuilder dinteroError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"code": "%s", "message": "%s"}}""".formatted(code, message));
    }

    static CheckoutRequest checkoutFor(OrderId orderId) {
        return new CheckoutRequest(orderId, Money.of(299_00, "NOK"),
                URI.create("https://shop.example.test/orders/" + orderId + "/return"),
                URI.create("https://shop.example.test/orders/" + orderId + "/callback"), EXPIRES_AT);
    }

    void givenSession(String sessionId, String json) {
        wireMock.stubFor(get(urlEqualTo("/v1/sessions/" + sessionId)).willReturn(okJson(json)));
    }

    @Override
    public void close() {
        context.close();
        wireMock.stop();
    }
}
