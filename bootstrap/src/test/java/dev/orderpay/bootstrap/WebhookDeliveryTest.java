package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks as a merchant's receiver gets them: the running service, real PostgreSQL, the real sender and a real HTTP
 * receiver (WireMock). Timings are shortened by configuration (a poll every 100 ms, retries 300 ms apart, calls
 * given 3 s); the tests wait for what they expect by polling, within generous bounds.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ENDPOINTS = "/webhook-endpoints";
    private static final String CALLBACK_SECRET = "the-service-wide-callback-secret-0123456789";

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator()
            .with("orderpay.callback-signing-secret", CALLBACK_SECRET)
            .with("orderpay.webhook.poll-interval", "100ms")
            .with("orderpay.webhook.retry-schedule", "300ms,300ms,300ms,300ms")
            .with("orderpay.webhook.timeout", "3s")
            .with("orderpay.webhook.claim", "30s");

    // Forgets its stubs and what it received before each test.
    @RegisterExtension
    static final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ServiceClient merchant = orderpay.client();
    private final JsonMapper json = JsonMapper.createDefault();
    private final HttpClient buyer = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @BeforeEach
    void noEndpoints() throws Exception {
        for (JsonNode endpoint : merchant.json(merchant.get(ENDPOINTS)).get("endpoints").values()) {
            merchant.delete(ENDPOINTS + "/" + endpoint.get("id").getStringValue());
        }
    }

    @Test
    void given_an_endpoint_when_an_order_is_created_then_its_event_arrives_signed_exactly_as_the_events_api_shows_it()
            throws Exception {
        receiver.stubFor(post("/exact").willReturn(ok()));
        Registered endpoint = register("/exact");

        String order = merchant.createOrder(12_300, "NOK", "webhook exact");

        LoggedRequest received = awaitOne("/exact");
        String eventId = merchant.json(merchant.get("/orders/" + order + "/events")).get("events").get(0)
                .get("id").getStringValue();
        assertThat(received.getHeader("Orderpay-Event-Id")).isEqualTo(eventId);
        assertThat(received.getHeader("Orderpay-Event-Type")).isEqualTo("order.created");
        assertThat(received.getHeader("Content-Type")).startsWith("application/json");
        Signature signature = Signature.parse(received.getHeader("Orderpay-Signature"));
        assertThat(Duration.between(signature.signedAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(signature.v1()).containsExactly(hmac(endpoint.secret(), signature.t(), received.getBody()));
        Map<String, Object> shown = map(merchant.get("/events/" + eventId).body());
        Object deliveries = shown.remove("deliveries");
        assertThat(map(received.getBodyAsString())).isEqualTo(shown);
        assertThat(map(received.getBodyAsString())).containsEntry("order_id", order).containsEntry("sequence", 1);
        // Recorded once the answer is in.
        awaitTrue(() -> delivery(eventId, 0).get("state").getStringValue().equals("delivered"));
        JsonNode attempt = delivery(eventId, 0).get("attempts").get(0);
        assertThat(attempt.get("status_code").getIntValue()).isEqualTo(200);
        assertThat(delivery(eventId, 0).get("endpoint_id").getStringValue()).isEqualTo(endpoint.id());
        assertThat(deliveries).isInstanceOf(List.class);
    }

    @Test
    void given_a_secret_being_rotated_when_an_event_is_sent_then_it_carries_a_signature_with_each() throws Exception {
        receiver.stubFor(post("/rotating").willReturn(ok()));
        Registered endpoint = register("/rotating");
        String newSecret = merchant.json(merchant.postJson(ENDPOINTS + "/" + endpoint.id() + "/rotate-secret", ""))
                .get("secret").getStringValue();

        merchant.createOrder(4_500, "SEK", "webhook rotation");

        LoggedRequest received = awaitOne("/rotating");
        Signature signature = Signature.parse(received.getHeader("Orderpay-Signature"));
        assertThat(signature.v1()).containsExactly(hmac(newSecret, signature.t(), received.getBody()),
                hmac(endpoint.secret(), signature.t(), received.getBody()));
    }

    @Test
    void given_a_receiver_down_for_its_first_three_attempts_then_it_gets_the_event_once_up_with_the_attempts_recorded()
            throws Exception {
        String down = "down";
        receiver.stubFor(post("/down").inScenario(down).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(503).withBody("maintenance")).willSetStateTo("reset"));
        receiver.stubFor(post("/down").inScenario(down).whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("failing"));
        receiver.stubFor(post("/down").inScenario(down).whenScenarioStateIs("failing")
                .willReturn(status(500)).willSetStateTo("up"));
        receiver.stubFor(post("/down").inScenario(down).whenScenarioStateIs("up").willReturn(ok()));
        register("/down");

        String order = merchant.createOrder(9_900, "NOK", "webhook down");
        String eventId = merchant.json(merchant.get("/orders/" + order + "/events")).get("events").get(0)
                .get("id").getStringValue();

        awaitTrue(() -> delivery(eventId, 0).get("state").getStringValue().equals("delivered"));
        List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlPathEqualTo("/down")));
        assertThat(received).hasSize(4).allSatisfy(request ->
                assertThat(request.getHeader("Orderpay-Event-Id")).isEqualTo(eventId));
        List<JsonNode> attempts = new ArrayList<>();
        delivery(eventId, 0).get("attempts").values().forEach(attempts::add);
        assertThat(attempts).extracting(attempt -> attempt.get("number").getIntValue()).containsExactly(1, 2, 3, 4);
        assertThat(attempts.get(0).get("status_code").getIntValue()).isEqualTo(503);
        assertThat(attempts.get(0).get("response_excerpt").getStringValue()).isEqualTo("maintenance");
        assertThat(attempts.get(1).get("status_code")).isNull();
        assertThat(attempts.get(1).get("error").getStringValue()).isNotBlank();
        assertThat(attempts.get(2).get("status_code").getIntValue()).isEqualTo(500);
        assertThat(attempts.get(3).get("status_code").getIntValue()).isEqualTo(200);
        assertThat(attempts.subList(0, 3)).allSatisfy(attempt -> assertThat(attempt.get("next_attempt_at")).isNotNull());
        assertThat(attempts.get(3).get("next_attempt_at")).isNull();
    }

    @Test
    void given_a_receiver_refusing_with_400_then_the_event_is_not_retried_and_the_next_one_follows()
            throws Exception {
        receiver.stubFor(post("/refusing").willReturn(status(400).withBody("unknown payload")));
        register("/refusing");
        String order = merchant.createOrder(2_000, "NOK", "webhook refused");

        HttpResponse<String> cancelled = merchant.postJson("/orders/" + order + "/cancel", "");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        List<String> events = eventIds(order);
        assertThat(events).hasSize(2);
        awaitTrue(() -> delivery(events.get(1), 0).get("state").getStringValue().equals("failed"));
        // Had the first been retried, the second would have waited for all its attempts, arriving after them.
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/refusing"))))
                .extracting(request -> request.getHeader("Orderpay-Event-Id")).containsExactlyElementsOf(events);
        JsonNode first = delivery(events.get(0), 0);
        assertThat(first.get("state").getStringValue()).isEqualTo("failed");
        assertThat(first.get("attempts").size()).isEqualTo(1);
        assertThat(first.get("attempts").get(0).get("status_code").getIntValue()).isEqualTo(400);
        assertThat(first.get("attempts").get(0).get("response_excerpt").getStringValue()).isEqualTo("unknown payload");
        assertThat(ids(merchant.get("/events?delivery=failed&order_id=" + order))).containsExactlyInAnyOrderElementsOf(
                events);
    }

    @Test
    void given_an_orders_first_event_failing_then_its_later_event_reaches_that_endpoint_only_after_it()
            throws Exception {
        String flaky = "flaky";
        receiver.stubFor(post("/ordered").inScenario(flaky).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(503)).willSetStateTo("once more"));
        receiver.stubFor(post("/ordered").inScenario(flaky).whenScenarioStateIs("once more")
                .willReturn(status(502)).willSetStateTo("up"));
        receiver.stubFor(post("/ordered").inScenario(flaky).whenScenarioStateIs("up").willReturn(ok()));
        register("/ordered");
        String order = merchant.createOrder(3_000, "NOK", "webhook order");

        merchant.postJson("/orders/" + order + "/cancel", "");

        List<String> events = eventIds(order);
        awaitTrue(() -> delivery(events.get(1), 0).get("state").getStringValue().equals("delivered"));
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/ordered"))))
                .extracting(request -> request.getHeader("Orderpay-Event-Id"))
                .containsExactly(events.get(0), events.get(0), events.get(0), events.get(1));
    }

    @Test
    void given_a_slow_receiver_then_another_endpoint_gets_its_events_while_the_slow_calls_still_run()
            throws Exception {
        receiver.stubFor(post("/slow").willReturn(ok().withFixedDelay(8_000)));
        receiver.stubFor(post("/quick").willReturn(ok()));
        Registered slow = register("/slow");
        register("/quick");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            orders.add(merchant.createOrder(1_000 + i, "NOK", "webhook slow " + i));
        }

        awaitSome("/quick", 3);

        // The quick endpoint got every event while the slow endpoint's calls were still waiting (3 s each).
        for (String order : orders) {
            String eventId = eventIds(order).get(0);
            JsonNode toSlow = deliveryTo(eventId, slow.id());
            assertThat(toSlow.get("state").getStringValue()).isEqualTo("pending");
            assertThat(toSlow.get("attempts").size()).isZero();
        }
        // And the slow endpoint's calls end as no answer, to be retried.
        String first = eventIds(orders.get(0)).get(0);
        awaitTrue(() -> deliveryTo(first, slow.id()).get("attempts").size() > 0);
        assertThat(deliveryTo(first, slow.id()).get("attempts").get(0).get("error").getStringValue())
                .contains("no answer");
    }

    @Test
    void given_an_order_with_a_callback_url_then_each_of_its_events_arrives_there_signed_and_no_other_orders_do()
            throws Exception {
        receiver.stubFor(post("/callback").willReturn(ok()));
        receiver.stubFor(post("/endpoint").willReturn(ok()));
        register("/endpoint");
        String callbackUrl = "http://127.0.0.1:" + receiver.getPort() + "/callback";

        HttpResponse<String> created = merchant.postJson("/orders", """
                {"amount": 15000, "currency": "NOK", "receipt": "with callback", "callback_url": "%s"}"""
                .formatted(callbackUrl));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = merchant.json(created);
        String withCallback = order.get("id").getStringValue();
        assertThat(order.get("callback_url").getStringValue()).isEqualTo(callbackUrl);
        String without = merchant.createOrder(9_900, "NOK", "without callback");
        payThroughTheSimulator(order.get("links").get(0).get("href").getStringValue());

        List<LoggedRequest> callbacks = awaitSome("/callback", 2);
        assertThat(callbacks).extracting(request -> request.getHeader("Orderpay-Event-Type"))
                .containsExactly("order.created", "order.authorized");
        List<String> eventIds = eventIds(withCallback);
        assertThat(callbacks).extracting(request -> request.getHeader("Orderpay-Event-Id"))
                .containsExactlyElementsOf(eventIds);
        for (LoggedRequest callback : callbacks) {
            assertThat(map(callback.getBodyAsString())).containsEntry("order_id", withCallback);
            Signature signature = Signature.parse(callback.getHeader("Orderpay-Signature"));
            assertThat(signature.v1()).containsExactly(hmac(CALLBACK_SECRET, signature.t(), callback.getBody()));
        }
        // The merchant's endpoint still gets both orders' events, and the callback nothing more.
        assertThat(awaitSome("/endpoint", 3)).extracting(request -> map(request.getBodyAsString()).get("order_id"))
                .containsOnly(withCallback, without);
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/callback")))).hasSize(2);
        // The events API names the callback by its URL, in place of an endpoint.
        awaitTrue(() -> deliveryTo(eventIds.get(0), callbackUrl).get("state").getStringValue().equals("delivered"));
        assertThat(deliveryTo(eventIds.get(0), callbackUrl).get("endpoint_id")).isNull();
        for (String eventId : eventIds(without)) {
            assertThat(merchant.json(merchant.get("/events/" + eventId)).get("deliveries").values())
                    .allSatisfy(delivery -> assertThat(delivery.get("callback_url")).isNull());
        }
    }

    @Test
    void given_an_event_when_redelivered_then_the_receiver_gets_it_again_with_the_same_id() throws Exception {
        receiver.stubFor(post("/again").willReturn(ok()));
        Registered endpoint = register("/again");
        String order = merchant.createOrder(7_700, "DKK", "webhook again");
        LoggedRequest first = awaitOne("/again");
        String eventId = first.getHeader("Orderpay-Event-Id");

        HttpResponse<String> redelivered = merchant.postJson("/events/" + eventId + "/redeliver",
                "{\"endpoint_id\": \"" + endpoint.id() + "\"}");

        assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(202);
        LoggedRequest second = awaitSome("/again", 2).get(1);
        assertThat(second.getHeader("Orderpay-Event-Id")).isEqualTo(eventId);
        assertThat(second.getBodyAsString()).isEqualTo(first.getBodyAsString());
        assertThat(eventIds(order)).containsExactly(eventId);
    }

    @Test
    void given_an_endpoint_when_tested_then_the_receiver_gets_a_signed_ping_and_the_answer_shows() throws Exception {
        receiver.stubFor(post("/ping").willReturn(status(204)));
        Registered endpoint = register("/ping");

        HttpResponse<String> tested = merchant.postJson(ENDPOINTS + "/" + endpoint.id() + "/test", "");

        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        JsonNode result = merchant.json(tested);
        assertThat(result.get("delivered").getBooleanValue()).isTrue();
        assertThat(result.get("status_code").getIntValue()).isEqualTo(204);
        LoggedRequest received = awaitOne("/ping");
        assertThat(received.getHeader("Orderpay-Event-Type")).isEqualTo("ping");
        Signature signature = Signature.parse(received.getHeader("Orderpay-Signature"));
        assertThat(signature.v1()).containsExactly(hmac(endpoint.secret(), signature.t(), received.getBody()));
        Map<String, Object> ping = map(received.getBodyAsString());
        assertThat(ping).containsEntry("type", "ping").containsEntry("data", Map.of("endpoint_id", endpoint.id()))
                .doesNotContainKeys("order_id", "sequence");
        assertThat(ping).isEqualTo(map(json.writeValueAsString(result.get("event"))));
    }

    private record Registered(String id, String secret) {
    }

    private Registered register(String path) throws Exception {
        HttpResponse<String> created = merchant.postJson(ENDPOINTS,
                "{\"url\": \"http://127.0.0.1:" + receiver.getPort() + path + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode endpoint = merchant.json(created);
        return new Registered(endpoint.get("id").getStringValue(), endpoint.get("secret").getStringValue());
    }

    /** The buyer pays on the simulator's checkout page and is sent back to the order's return page. */
    private void payThroughTheSimulator(String checkout) throws IOException, InterruptedException {
        HttpResponse<String> paid = buyer.send(HttpRequest.newBuilder(URI.create(checkout + "/pay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        URI returnPage = URI.create(paid.headers().firstValue("Location").orElseThrow());
        assertThat(merchant.get(returnPage.getRawPath() + "?" + returnPage.getRawQuery(), "Accept", "text/html")
                .statusCode()).isEqualTo(200);
    }

    private List<LoggedRequest> awaitSome(String path, int count) throws InterruptedException {
        List<LoggedRequest> received = ReceivedWebhooks.awaitAtLeast(receiver, path, count, PATIENCE);
        assertThat(received).hasSize(count);
        return received;
    }

    private LoggedRequest awaitOne(String path) throws InterruptedException {
        return awaitSome(path, 1).get(0);
    }

    private List<String> eventIds(String order) throws Exception {
        List<String> ids = new ArrayList<>();
        merchant.json(merchant.get("/orders/" + order + "/events")).get("events").values()
                .forEach(event -> ids.add(event.get("id").getStringValue()));
        return ids;
    }

    private List<String> ids(HttpResponse<String> listed) throws IOException {
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        merchant.json(listed).get("events").values().forEach(event -> ids.add(event.get("id").getStringValue()));
        return ids;
    }

    private JsonNode delivery(String eventId, int index) {
        try {
            return merchant.json(merchant.get("/events/" + eventId)).get("deliveries").get(index);
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The event's delivery to an endpoint (by its id) or to an order's callback (by its URL). */
    private JsonNode deliveryTo(String eventId, String endpointIdOrCallbackUrl) {
        try {
            for (JsonNode delivery : merchant.json(merchant.get("/events/" + eventId)).get("deliveries").values()) {
                JsonNode destination = delivery.get("endpoint_id") != null ? delivery.get("endpoint_id")
                        : delivery.get("callback_url");
                if (destination.getStringValue().equals(endpointIdOrCallbackUrl)) {
                    return delivery;
                }
            }
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
        throw new AssertionError("event " + eventId + " has no delivery to " + endpointIdOrCallbackUrl);
    }

    private Map<String, Object> map(String body) {
        try {
            return new java.util.HashMap<>(json.readValue(body, Argument.mapOf(String.class, Object.class)));
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    /** Polls until the condition holds, failing after {@link #PATIENCE}; a condition that throws is not yet true. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // such as a delivery not recorded yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting");
            }
        }
    }

    private static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code Orderpay-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, as docs/webhooks.md has it. */
    private record Signature(String t, List<String> v1) {

        static Signature parse(String header) {
            String t = null;
            List<String> v1 = new ArrayList<>();
            for (String part : header.split(",")) {
                String[] keyAndValue = part.split("=", 2);
                if (keyAndValue[0].equals("t")) {
                    t = keyAndValue[1];
                } else if (keyAndValue[0].equals("v1")) {
                    v1.add(keyAndValue[1]);
                }
            }
            assertThat(t).as("t in " + header).isNotNull();
            return new Signature(t, v1);
        }

        Instant signedAt() {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
    }
}
