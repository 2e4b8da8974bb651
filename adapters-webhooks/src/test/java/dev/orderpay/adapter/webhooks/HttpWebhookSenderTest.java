package dev.orderpay.adapter.webhooks;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.application.port.out.webhook.WebhookResponse.Answered;
import dev.orderpay.application.port.out.webhook.WebhookResponse.NotAnswered;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.SigningSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The sender against a real receiver, outside production (so it may call this machine over http). */
class HttpWebhookSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String BODY = "{\"id\":\"evt_01\",\"type\":\"order.authorized\",\"data\":{\"receipt\":"
            + "\"Smørbrød – 2 × 49,50 kr ✓\",\"amount\":9900}}";
    private static final SigningSecret SECRET = new SigningSecret("whsec_current-secret");
    private static final SigningSecret OLD_SECRET = new SigningSecret("whsec_old-secret-æøå");

    @RegisterExtension
    static final WireMockExtension receiver = Receiver.onFreePorts();
    @RegisterExtension
    static final WebhooksAdapter adapter = WebhooksAdapter.outsideProduction()
            .with("orderpay.webhook.timeout", TIMEOUT.toMillis() + "ms");

    @Test
    void posts_the_exact_body_with_the_event_headers_and_a_signature_a_receiver_can_recompute() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
        long before = Instant.now().getEpochSecond();

        WebhookResponse response = send(Receiver.http(receiver, "/hooks?token=merchant-token"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.statusCode()).isEqualTo(204);
            assertThat(answered.bodyExcerpt()).isEmpty();
            assertThat(answered.retryAfter()).isEmpty();
        });
        LoggedRequest received = onlyRequest();
        assertThat(received.getUrl()).isEqualTo("/hooks?token=merchant-token");
        assertThat(received.getBody()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(received.getHeader("Orderpay-Event-Id")).isEqualTo("evt_01");
        assertThat(received.getHeader("Orderpay-Event-Type")).isEqualTo("order.authorized");
        assertThat(received.getHeader("User-Agent")).startsWith("orderpay");
        String signature = received.getHeader("Orderpay-Signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(t).isBetween(before, Instant.now().getEpochSecond());
        assertThat(signature).isEqualTo("t=" + t + ",v1=" + hmacHex(SECRET, t + "." + BODY));
    }

    @Test
    void signs_once_per_secret_while_a_secret_is_rotated() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));

        send(Receiver.http(receiver, "/hooks"), List.of(SECRET, OLD_SECRET));

        String signature = onlyRequest().getHeader("Orderpay-Signature");
        long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(signature).isEqualTo("t=" + t
                + ",v1=" + hmacHex(SECRET, t + "." + BODY)
                + ",v1=" + hmacHex(OLD_SECRET, t + "." + BODY));
    }

    @Test
    void a_redirect_is_an_answer_and_is_not_followed() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", Receiver.http(receiver, "/elsewhere").toString())
                .withBody("moved")));

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.statusCode()).isEqualTo(302);
            assertThat(answered.bodyExcerpt()).isEqualTo("moved");
        });
        assertThat(Receiver.everythingReceived(receiver)).extracting(LoggedRequest::getUrl).containsExactly("/hooks");
    }

    @Test
    void an_error_status_is_an_answer_with_the_start_of_its_body() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"unknown order\"}")));

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.statusCode()).isEqualTo(400);
            assertThat(answered.bodyExcerpt()).isEqualTo("{\"error\":\"unknown order\"}");
        });
    }

    @Test
    void a_huge_answer_is_cut_to_an_excerpt() {
        String huge = "é".repeat(100) + "x".repeat(5_000_000);
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(500).withBody(huge)));

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.statusCode()).isEqualTo(500);
            assertThat(answered.bodyExcerpt()).hasSize(ResponseExcerpt.MAX_CHARS).isEqualTo(huge.substring(0, 200));
        });
    }

    @Test
    void retry_after_in_seconds_is_kept() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "120")));

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.statusCode()).isEqualTo(429);
            assertThat(answered.retryAfter()).contains(Duration.ofSeconds(120));
        });
    }

    @Test
    void retry_after_as_an_http_date_is_kept_as_the_time_until_then() {
        ZonedDateTime inTenMinutes = Instant.now().plus(10, ChronoUnit.MINUTES).atZone(ZoneOffset.UTC);
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(inTenMinutes))));

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.statusCode()).isEqualTo(503);
            assertThat(answered.retryAfter()).hasValueSatisfying(wait ->
                    assertThat(wait).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10)));
        });
    }

    @Test
    void a_receiver_slower_than_the_timeout_is_not_an_answer() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)
                .withFixedDelay((int) TIMEOUT.multipliedBy(4).toMillis())));
        long started = System.nanoTime();

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered ->
                assertThat(notAnswered.error()).isEqualTo("no answer within 2s"));
        assertThat(response.latency()).isGreaterThanOrEqualTo(TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
    }

    @Test
    void a_body_that_trickles_in_past_the_timeout_still_leaves_the_answer() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)
                .withBody("accepted" + " ".repeat(2_000))
                .withChunkedDribbleDelay(50, (int) TIMEOUT.multipliedBy(4).toMillis())));
        long started = System.nanoTime();

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(Answered.class, answered ->
                assertThat(answered.statusCode()).isEqualTo(200));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
    }

    @Test
    void a_refused_connection_is_not_an_answer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        WebhookResponse response = send(URI.create("http://127.0.0.1:" + closedPort + "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered ->
                assertThat(notAnswered.error()).isEqualTo("could not connect: Connection refused"));
    }

    @Test
    void a_name_that_does_not_resolve_is_not_an_answer() {
        WebhookResponse response = send(URI.create("http://nowhere.merchant.test/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered ->
                assertThat(notAnswered.error()).isEqualTo("not connected: the host name does not resolve"));
    }

    @Test
    void a_certificate_the_service_does_not_trust_is_not_an_answer() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        adapter.names().point("receiver.merchant.test", "127.0.0.1");

        WebhookResponse response = send(Receiver.https(receiver, "receiver.merchant.test", "/hooks"), List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered ->
                assertThat(notAnswered.error()).startsWith("TLS failed: "));
        assertThat(Receiver.everythingReceived(receiver)).isEmpty();
    }

    @Test
    void a_url_breaking_the_rules_is_not_sent() {
        WebhookResponse response = send(URI.create("ftp://127.0.0.1:" + receiver.getPort() + "/hooks"),
                List.of(SECRET));

        assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered ->
                assertThat(notAnswered.error()).isEqualTo("not sent: the URL must use https (or http)"));
        assertThat(Receiver.everythingReceived(receiver)).isEmpty();
    }

    private static WebhookResponse send(URI url, List<SigningSecret> secrets) {
        return adapter.sender().send(new WebhookRequest(url, "evt_01", EventType.ORDER_AUTHORIZED, BODY, secrets));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> received = Receiver.everythingReceived(receiver);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** Worked out here with the JDK alone, not with the code under test. */
    private static String hmacHex(SigningSecret secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
