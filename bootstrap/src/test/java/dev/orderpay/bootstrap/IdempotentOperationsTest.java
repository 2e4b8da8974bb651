package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capture with an Idempotency-Key through the real HTTP API, real PostgreSQL and Dintero played by WireMock: a capture
 * whose answer was dropped is settled by reading the transaction, never by capturing again, and concurrent repeats
 * make one capture call.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentOperationsTest implements TestPropertyProvider {

    private static final String CAPTURED_IN_FULL = """
            [{"event": "AUTHORIZE", "success": true, "amount": 10000},
             {"event": "CAPTURE", "success": true, "amount": 10000}]""";

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero();

    private final ServiceClient merchant = orderpay.client();
    private final DinteroSandbox dintero = orderpay.dintero();

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_a_capture_whose_answer_was_dropped_when_it_is_sent_again_with_its_key_then_the_transaction_is_read_and_nothing_captured_twice()
            throws Exception {
        String id = paidOrder();
        String transaction = "T-idem-" + id;
        String capturePath = "/v1/transactions/" + transaction + "/capture";
        String key = "capture-" + UUID.randomUUID();
        // Dintero captures, but the connection drops before its answer arrives; reading the transaction fails too.
        dintero.wireMock().stubFor(post(urlEqualTo(capturePath))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        dintero.givenTransactionUnavailable(transaction);

        HttpResponse<String> lost = merchant.postJson("/orders/" + id + "/capture", "{}", "Idempotency-Key", key);

        assertThat(lost.statusCode()).as(lost.body()).isEqualTo(502);
        assertThat(merchant.json(lost).get("code").getStringValue()).isEqualTo("provider_unavailable");
        assertThat(merchant.order(id, "").get("pending_operation")).isNotNull();
        List<String> untilTheDrop = requestsInOrder();

        // Dintero can be read again, and shows the capture done (of stubs alike, WireMock takes the newest).
        dintero.wireMock().stubFor(WireMock.get(urlEqualTo("/v1/transactions/" + transaction)).atPriority(1)
                .willReturn(okJson(transactionJson(id, transaction, "CAPTURED", CAPTURED_IN_FULL))));
        HttpResponse<String> settled = merchant.postJson("/orders/" + id + "/capture", "{}", "Idempotency-Key", key);
        HttpResponse<String> repeated = merchant.postJson("/orders/" + id + "/capture", "{}", "Idempotency-Key", key);

        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        JsonNode order = merchant.json(settled);
        assertThat(order.get("status").getStringValue()).isEqualTo("CAPTURED");
        assertThat(order.get("captured_amount").getLongValue()).isEqualTo(10000);
        assertThat(order.get("pending_operation")).isNull();
        assertThat(settled.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(repeated.statusCode()).isEqualTo(200);
        assertThat(repeated.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(repeated.body()).isEqualTo(settled.body());

        // The first request: one capture, then the transaction read (and read again, as reads are retried).
        String read = "GET /v1/transactions/" + transaction;
        assertThat(untilTheDrop.subList(untilTheDrop.indexOf("POST " + capturePath), untilTheDrop.size()))
                .containsExactly("POST " + capturePath, read, read, read);
        // The repeats: one read of the transaction, no capture.
        List<String> all = requestsInOrder();
        assertThat(all.subList(untilTheDrop.size(), all.size())).containsExactly(read);
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(capturePath)));
    }

    @Test
    void given_many_repeats_of_a_capture_at_once_while_dintero_is_slow_then_dintero_is_asked_to_capture_once()
            throws Exception {
        String id = paidOrder();
        String transaction = "T-idem-" + id;
        String capturePath = "/v1/transactions/" + transaction + "/capture";
        dintero.wireMock().stubFor(post(urlEqualTo(capturePath)).willReturn(
                okJson(transactionJson(id, transaction, "CAPTURED", CAPTURED_IN_FULL)).withFixedDelay(1_500)));
        String key = "capture-" + UUID.randomUUID();
        int repeats = 16;
        ExecutorService clients = Executors.newFixedThreadPool(repeats);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            answers.add(clients.submit(() -> {
                start.await();
                return merchant.postJson("/orders/" + id + "/capture", "{}", "Idempotency-Key", key);
            }));
        }
        start.countDown();
        List<HttpResponse<String>> replies = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            replies.add(answer.get(30, TimeUnit.SECONDS));
        }
        clients.shutdown();

        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo(capturePath)));
        assertThat(replies).filteredOn(reply -> reply.statusCode() == 200).isNotEmpty()
                .allSatisfy(reply -> assertThat(merchant.json(reply).get("status").getStringValue())
                        .isEqualTo("CAPTURED"));
        assertThat(replies).filteredOn(reply -> reply.statusCode() == 200
                && reply.headers().firstValue("Idempotent-Replayed").isEmpty()).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.statusCode() != 200).allSatisfy(reply -> {
            assertThat(reply.statusCode()).isEqualTo(409);
            assertThat(merchant.json(reply).get("code").getStringValue()).isEqualTo("idempotency_request_in_progress");
            assertThat(reply.headers().firstValue("Retry-After")).contains("1");
        });
    }

    @Test
    void given_a_webhook_endpoint_created_with_a_key_when_the_request_is_repeated_then_the_answer_has_no_secret()
            throws Exception {
        merchant.deleteWebhookEndpoints();
        String key = "endpoint-" + UUID.randomUUID();
        String body = "{\"url\": \"http://localhost:" + ServiceUnderTest.freePort() + "/hooks\"}";

        HttpResponse<String> first = merchant.postJson("/webhook-endpoints", body, "Idempotency-Key", key);
        HttpResponse<String> again = merchant.postJson("/webhook-endpoints", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        String secret = merchant.json(first).get("secret").getStringValue();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(merchant.json(again).get("id").getStringValue())
                .isEqualTo(merchant.json(first).get("id").getStringValue());
        assertThat(merchant.json(merchant.get("/webhook-endpoints")).get("endpoints").values()).hasSize(1);
        merchant.deleteWebhookEndpoints();
    }

    /** What Dintero was asked, oldest first; access tokens left out, as they move no money. */
    private List<String> requestsInOrder() {
        return dintero.wireMock().findAll(anyRequestedFor(anyUrl())).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .map(request -> request.getMethod() + " " + request.getUrl())
                .filter(request -> !request.equals("POST " + DinteroSandbox.TOKEN_PATH))
                .toList();
    }

    private String paidOrder() throws Exception {
        String id = merchant.createOrder(10000, "NOK", "idempotent capture");
        String transaction = "T-idem-" + id;
        dintero.givenTransaction(transaction, id, 10000, "NOK", "AUTHORIZED");
        HttpResponse<String> returned = merchant.get("/orders/" + id + "/redirect?transaction_id=" + transaction);
        assertThat(merchant.json(returned).get("order").get("status").getStringValue()).isEqualTo("AUTHORIZED");
        return id;
    }

    private static String transactionJson(String orderId, String transaction, String status, String events) {
        return """
                {"id": "%s", "session_id": "%s", "merchant_reference": "%s", "amount": 10000,
                 "currency": "NOK", "status": "%s", "created_at": "2026-11-23T10:00:00Z", "events": %s}"""
                .formatted(transaction, DinteroSandbox.sessionOf(orderId), orderId, status, events);
    }
}
