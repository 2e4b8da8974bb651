package dev.orderpay.adapter.dintero;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.domain.Money;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.contents.Address;
import dev.orderpay.domain.contents.CountryCode;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.Metadata;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.OrderLines;
import dev.orderpay.domain.contents.PersonName;
import dev.orderpay.domain.contents.PhoneNumber;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Dintero played by WireMock on a free port, as a JUnit 5 extension: register it in a static field with
 * {@code @RegisterExtension}; it starts before the class's tests, forgets every stub and request before each test
 * (then lays down what {@link #grantingTokens()} and the like ask for) and stops after the last.
 * <p>
 * {@link #forTheGateway()} also runs a Micronaut context whose Dintero clients point at WireMock, and each test takes
 * a {@link #newGateway() new gateway}, so no token is carried over from an earlier test. {@link #forTheService()}
 * is WireMock alone, for a whole service pointed at it with {@link #serviceProperties()}. A test that needs a
 * sandbox configured its own way {@link #start() starts} one in try-with-resources.
 */
public final class DinteroSandbox implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    public static final String ACCOUNT_ID = "T11223344";
    public static final String CLIENT_ID = "client-id-123";
    public static final String CLIENT_SECRET = "s3cr3t-client-secret";
    /** base64("client-id-123:s3cr3t-client-secret"), worked out by hand rather than by the code under test. */
    static final String BASIC_CREDENTIALS = "Basic Y2xpZW50LWlkLTEyMzpzM2NyM3QtY2xpZW50LXNlY3JldA==";
    public static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.access-token-one.signature";
    static final String PROFILE_ID = "orderpay-test-profile";
    public static final String TOKEN_PATH = "/v1/accounts/" + ACCOUNT_ID + "/auth/token";
    public static final String SESSION_PATH = "/v1/sessions-profile";
    static final int READ_TIMEOUT_MILLIS = 2_000;
    static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(2);
    static final Instant EXPIRES_AT = Instant.parse("2026-03-08T16:00:00Z");

    /** A WireMock extension that answers from state kept across requests, and forgets it when WireMock is reset. */
    interface StatefulDouble extends Extension {
        void startOver(WireMockServer wireMock);
    }

    private final boolean withGatewayContext;
    private final Map<String, Object> overrides = new HashMap<>();
    private final List<Extension> extensions = new ArrayList<>();
    private final List<Runnable> afterEachReset = new ArrayList<>();
    private WireMockServer wireMock;
    private ApplicationContext context;
    private Class<?> startedFor;

    private DinteroSandbox(boolean withGatewayContext) {
        this.withGatewayContext = withGatewayContext;
    }

    /** WireMock and a Micronaut context holding the adapter's Dintero clients, for {@link #newGateway()}. */
    public static DinteroSandbox forTheGateway() {
        return new DinteroSandbox(true);
    }

    /** WireMock alone, for a service configured with {@link #serviceProperties()}. */
    public static DinteroSandbox forTheService() {
        return new DinteroSandbox(false);
    }

    /** A configuration property of the gateway's context, such as {@code dintero.callback-secret}. */
    public DinteroSandbox withProperty(String name, Object value) {
        overrides.put(name, value);
        return this;
    }

    /** Every test starts with Dintero handing out {@link #ACCESS_TOKEN}. */
    public DinteroSandbox grantingTokens() {
        afterEachReset.add(() -> givenToken(ACCESS_TOKEN, 14_400));
        return this;
    }

    /** Every test starts with Dintero opening a session for any order, named {@link #sessionOf(String) after it}. */
    public DinteroSandbox openingSessionsForEveryOrder() {
        return openingSessionsForEveryOrderAfter(Duration.ZERO);
    }

    /** As {@link #openingSessionsForEveryOrder()}, each session answered only after {@code delay}: a slow Dintero. */
    public DinteroSandbox openingSessionsForEveryOrderAfter(Duration delay) {
        afterEachReset.add(() -> wireMock.stubFor(sessionRequest().willReturn(okJson("""
                {"id": "%1$s.sess-{{jsonPath request.body '$.order.merchant_reference'}}",
                 "url": "https://checkout.test.dintero.com/v1/view/%1$s.sess-{{jsonPath request.body '$.order.merchant_reference'}}"}"""
                .formatted(ACCOUNT_ID)).withFixedDelay((int) delay.toMillis()).withTransformers("response-template"))));
        return this;
    }

    /** Dintero's checkout is played by this double, which starts over with every test. */
    DinteroSandbox playing(StatefulDouble checkout) {
        extensions.add(checkout);
        afterEachReset.add(() -> checkout.startOver(wireMock));
        return this;
    }

    /** Starts WireMock (and the gateway's context) unless running; a service's properties may need it early. */
    public DinteroSandbox start() {
        if (wireMock != null) {
            return this;
        }
        wireMock = new WireMockServer(options().dynamicPort().extensions(extensions.toArray(Extension[]::new)));
        wireMock.start();
        if (withGatewayContext) {
            context = ApplicationContext.run(gatewayProperties());
            warmUp();
        }
        reset();
        return this;
    }

    @Override
    public void close() {
        stop();
    }

    public void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
        if (wireMock != null) {
            wireMock.stop();
            wireMock = null;
        }
    }

    /** Forgets every stub and request, then lays down what every test starts with. */
    public void reset() {
        wireMock.resetAll();
        afterEachReset.forEach(Runnable::run);
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        if (startedFor == null) {
            startedFor = extension.getRequiredTestClass();
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        // Nested classes see the extension too: only the class that started the sandbox stops it.
        if (extension.getRequiredTestClass().equals(startedFor)) {
            stop();
            startedFor = null;
        }
    }

    public WireMockServer wireMock() {
        if (wireMock == null) {
            throw new IllegalStateException("the sandbox is not running: register it with @RegisterExtension");
        }
        return wireMock;
    }

    /** The gateway's context, for what it holds as beans. */
    ApplicationContext context() {
        if (context == null) {
            throw new IllegalStateException("only a sandbox made forTheGateway() and running has a context");
        }
        return context;
    }

    /** Points a whole service's Dintero adapter at WireMock. */
    public Map<String, String> serviceProperties() {
        return Map.of(
                "payments.provider", "dintero",
                "dintero.api-url", wireMock().baseUrl(),
                "dintero.checkout-url", wireMock().baseUrl(),
                "dintero.account-id", ACCOUNT_ID,
                "dintero.client-id", CLIENT_ID,
                "dintero.client-secret", CLIENT_SECRET);
    }

    private Map<String, Object> gatewayProperties() {
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
        return properties;
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
    }

    DinteroPaymentGateway newGateway() {
        return newGateway(Clock.systemUTC());
    }

    /** The clock serves both the token cache and the callback signature's age. */
    DinteroPaymentGateway newGateway(Clock clock) {
        DinteroConfiguration configuration = context().getBean(DinteroConfiguration.class);
        DinteroAccessTokens tokens = new DinteroAccessTokens(context().getBean(DinteroAuthClient.class),
                configuration, LONGEST_RETRY_AFTER, clock, () -> { });
        return new DinteroPaymentGateway(context().getBean(DinteroCheckoutClient.class), tokens,
                new DinteroCallbacks(configuration, clock), configuration);
    }

    public void givenToken(String token, long expiresInSeconds) {
        wireMock().stubFor(tokenRequest().willReturn(tokenAnswer(token, expiresInSeconds)));
    }

    static MappingBuilder tokenRequest() {
        return post(urlEqualTo(TOKEN_PATH));
    }

    static ResponseDefinitionBuilder tokenAnswer(String token, long expiresInSeconds) {
        return okJson("""
                {"access_token": "%s", "token_type": "Bearer", "expires_in": %d}""".formatted(token, expiresInSeconds));
    }

    void givenSessionCreated(String sessionId) {
        wireMock().stubFor(sessionRequest().willReturn(sessionAnswer(sessionId)));
    }

    public static MappingBuilder sessionRequest() {
        return post(urlEqualTo(SESSION_PATH));
    }

    static ResponseDefinitionBuilder sessionAnswer(String sessionId) {
        return okJson("""
                {"id": "%s", "url": "https://checkout.test.dintero.com/v1/view/%s"}""".formatted(sessionId, sessionId));
    }

    /** The session {@link #openingSessionsForEveryOrder()} opens for this order. */
    public static String sessionOf(String orderId) {
        return ACCOUNT_ID + ".sess-" + orderId;
    }

    public void givenTransaction(String transactionId, String json) {
        givenTransactionAnswer(transactionId, okJson(json));
    }

    public void givenTransactionAnswer(String transactionId, ResponseDefinitionBuilder answer) {
        wireMock().stubFor(get(urlEqualTo("/v1/transactions/" + transactionId)).willReturn(answer));
    }

    /** Dintero now holds this transaction, made in the order's {@link #sessionOf(String) session}. */
    public void givenTransaction(String transactionId, String orderId, long amount, String currency,
                                 String status) {
        givenTransaction(transactionId, """
                {"id": "%s", "session_id": "%s", "merchant_reference": "%s", "amount": %d,
                 "currency": "%s", "status": "%s", "created_at": "2026-11-23T10:00:00Z"}"""
                .formatted(transactionId, sessionOf(orderId), orderId, amount, currency, status));
    }

    /**
     * The {@code Dintero-Signature} header Dintero sends, signed now with {@code callbackSecret}, on a GET callback
     * to {@code host} (without port), {@code rawPath} and {@code rawQuery} of a service running with
     * {@link #serviceProperties()}.
     */
    public static String callbackSignature(String callbackSecret, String host, String rawPath, String rawQuery) {
        return callbackSignature(callbackSecret, ACCOUNT_ID, host, rawPath, rawQuery);
    }

    /**
     * An HMAC-SHA256 of {@code "<t>\n<account id>\nGET\n<hostname>\n<path>\n<query sorted and form-encoded>"},
     * worked out here independently of {@link DinteroCallbacks}; DinteroNotificationTest pins that class to
     * signatures computed with openssl.
     */
    static String callbackSignature(String secret, String accountId, String host, String rawPath, String rawQuery) {
        long timestamp = Instant.now().getEpochSecond();
        String signedText = timestamp + "\n" + accountId + "\nGET\n" + host + "\n" + rawPath + "\n"
                + sortedQuery(rawQuery);
        return "t=" + timestamp + ",v0-hmac-sha256=" + HexFormat.of().formatHex(HmacSha256.of(secret, signedText));
    }

    private static String sortedQuery(String rawQuery) {
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.split("=", 2))
                .map(pair -> Map.entry(formDecoded(pair[0]), pair.length > 1 ? formDecoded(pair[1]) : ""))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(parameter -> formEncoded(parameter.getKey()) + "=" + formEncoded(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String formDecoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String formEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Dintero answers 503 when asked about this transaction, whatever else is stubbed for it. */
    public void givenTransactionUnavailable(String transactionId) {
        wireMock().stubFor(get(urlEqualTo("/v1/transactions/" + transactionId)).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    /**
     * Dintero answers a capture or refund of this transaction with the transaction as it then stands.
     *
     * @param operation {@code capture} or {@code refund}
     * @param events    the transaction's events array after the operation, as JSON
     */
    public void givenOperationAnswers(String transactionId, String operation, String orderId, long amount,
                                      String currency, String statusAfter, String events) {
        wireMock().stubFor(post(urlEqualTo("/v1/transactions/" + transactionId + "/" + operation))
                .willReturn(okJson("""
                        {"id": "%s", "session_id": "%s", "merchant_reference": "%s", "amount": %d,
                         "currency": "%s", "status": "%s", "created_at": "2026-11-23T10:00:00Z", "events": %s}"""
                        .formatted(transactionId, sessionOf(orderId), orderId, amount, currency, statusAfter,
                                events))));
    }

    public void givenSession(String sessionId, String json) {
        wireMock().stubFor(get(urlEqualTo("/v1/sessions/" + sessionId)).willReturn(okJson(json)));
    }

    /** Dintero now shows the order's session, with the transaction made in it if {@code transactionId} is given. */
    public void givenSessionOf(String orderId, String transactionId, Instant expiresAt) {
        String transaction = transactionId == null ? "" : "\"transaction_id\": \"" + transactionId + "\",";
        givenSession(sessionOf(orderId), """
                {"id": "%s", %s "expires_at": "%s",
                 "url": "https://checkout.test.dintero.com/v1/view/%s", "events": []}"""
                .formatted(sessionOf(orderId), transaction, expiresAt, sessionOf(orderId)));
    }

    static ResponseDefinitionBuilder dinteroError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error": {"code": "%s", "message": "%s"}}""".formatted(code, message));
    }

    static CheckoutRequest checkoutFor(OrderId orderId) {
        return checkoutFor(orderId, OrderContents.NONE);
    }

    /** A checkout of 299.00 NOK; lines among the contents must add up to that. */
    static CheckoutRequest checkoutFor(OrderId orderId, OrderContents contents) {
        return new CheckoutRequest(orderId, Money.of(299_00, "NOK"),
                URI.create("https://shop.example.test/orders/" + orderId + "/return"),
                URI.create("https://shop.example.test/orders/" + orderId + "/callback"), EXPIRES_AT, contents);
    }

    /**
     * Contents with every field Dintero's session can take from them: a line with a SKU and one without (together
     * 299.00 NOK, the second's quantity and VAT with decimals), a whole customer and two full addresses.
     */
    static OrderContents everyField() {
        LineItem socks = new LineItem("1", "Wool socks", new BigDecimal("2"), Money.of(198_00, "NOK"),
                new BigDecimal("25"), Money.of(39_60, "NOK"), Optional.of("SOCK-42"));
        LineItem cheese = new LineItem("2", "Brown cheese", new BigDecimal("0.5"), Money.of(101_00, "NOK"),
                new BigDecimal("15.5"), Money.of(13_55, "NOK"), Optional.empty());
        Customer kari = new Customer(Optional.of(new EmailAddress("kari@example.com")),
                Optional.of(new PhoneNumber("+4799999999")), Optional.of(PersonName.of("first_name", "Kari")),
                Optional.of(PersonName.of("last_name", "Nordmann")));
        Address shipping = new Address(Optional.of(PersonName.of("first_name", "Ola")),
                Optional.of(PersonName.of("last_name", "Hansen")), "Storgata 1", Optional.of("Leilighet H0201"),
                "0155", "Oslo", new CountryCode("NO"), Optional.of(new PhoneNumber("+4798888888")),
                Optional.of(new EmailAddress("ola@example.com")));
        Address billing = new Address(Optional.of(PersonName.of("first_name", "Kari")),
                Optional.of(PersonName.of("last_name", "Nordmann")), "Kongens gate 2", Optional.of("Postboks 12"),
                "7011", "Trondheim", new CountryCode("NO"), Optional.of(new PhoneNumber("+4799999999")),
                Optional.of(new EmailAddress("kari@example.com")));
        return new OrderContents(new OrderLines(List.of(socks, cheese)), kari, Optional.of(shipping),
                Optional.of(billing), Metadata.of(Map.of("shop_order", "A-17")));
    }
}
