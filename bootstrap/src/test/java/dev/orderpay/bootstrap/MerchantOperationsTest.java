package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a merchant does after the buyer paid, through the real HTTP API with real PostgreSQL and Dintero played by
 * WireMock: capture in parts, refund, totals, idempotent creation, and the API key that guards it all.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MerchantOperationsTest implements TestPropertyProvider {

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero();

    private final ServiceClient merchant = orderpay.client();
    private final DinteroSandbox dintero = orderpay.dintero();

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_a_paid_order_when_captured_in_part_and_refunded_then_amounts_status_and_totals_follow() throws Exception {
        // DKK is used by no other test here, so the totals below are this test's alone.
        String id = paidOrder(10000, "DKK");
        String transaction = "T-ops-" + id;
        dintero.givenOperationAnswers(transaction, "capture", id, 10000, "DKK", "PARTIALLY_CAPTURED", """
                [{"event": "AUTHORIZE", "success": true, "amount": 10000},
                 {"event": "CAPTURE", "success": true, "amount": 4000}]""");

        HttpResponse<String> captured = merchant.postJson("/orders/" + id + "/capture", "{\"amount\": 4000}");

        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
        JsonNode order = merchant.json(captured);
        assertThat(order.get("status").getStringValue()).isEqualTo("PARTIALLY_CAPTURED");
        assertThat(order.get("captured_amount").getLongValue()).isEqualTo(4000);
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/transactions/" + transaction + "/capture"))
                .withHeader("Authorization", equalTo("Bearer " + DinteroSandbox.ACCESS_TOKEN))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("4000"))));

        HttpResponse<String> tooMuch = merchant.postJson("/orders/" + id + "/refund", "{\"amount\": 5000}");

        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(merchant.json(tooMuch).get("current_status").getStringValue()).isEqualTo("PARTIALLY_CAPTURED");
        dintero.wireMock().verify(0, postRequestedFor(urlMatching("/v1/transactions/.*/refund")));

        dintero.givenOperationAnswers(transaction, "refund", id, 10000, "DKK", "PARTIALLY_CAPTURED_REFUNDED", """
                [{"event": "AUTHORIZE", "success": true, "amount": 10000},
                 {"event": "CAPTURE", "success": true, "amount": 4000},
                 {"event": "REFUND", "success": true, "amount": 1000}]""");
        HttpResponse<String> refunded = merchant.postJson("/orders/" + id + "/refund",
                "{\"amount\": 1000, \"reason\": \"damaged on arrival\"}");

        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(200);
        assertThat(merchant.json(refunded).get("refunded_amount").getLongValue()).isEqualTo(1000);
        dintero.wireMock().verify(postRequestedFor(urlEqualTo("/v1/transactions/" + transaction + "/refund"))
                .withRequestBody(equalToJson("{\"amount\": 1000, \"reason\": \"damaged on arrival\"}", true, true)));

        JsonNode totals = merchant.json(merchant.get("/orders/totals?currency=DKK")).get("totals").get(0);
        assertThat(totals.get("currency").getStringValue()).isEqualTo("DKK");
        assertThat(totals.get("authorized").getLongValue()).isEqualTo(10000);
        assertThat(totals.get("captured").getLongValue()).isEqualTo(4000);
        assertThat(totals.get("refunded").getLongValue()).isEqualTo(1000);
        assertThat(totals.get("net").getLongValue()).isEqualTo(3000);

        // The capture and the refund are audited with their amounts; the refused refund is not; no reason shows.
        HttpResponse<String> audit = merchant.get("/audit-log?target_id=" + id);
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode entries = merchant.json(audit).get("entries");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("action").getStringValue()).isEqualTo("payment.refund_requested");
        assertThat(entries.get(0).get("amount").getLongValue()).isEqualTo(1000);
        assertThat(entries.get(1).get("action").getStringValue()).isEqualTo("payment.capture_requested");
        assertThat(entries.get(1).get("amount").getLongValue()).isEqualTo(4000);
        assertThat(entries.get(1).get("currency").getStringValue()).isEqualTo("DKK");
        assertThat(audit.body()).doesNotContain("damaged on arrival");
    }

    @Test
    void given_one_idempotency_key_when_the_request_is_sent_twice_then_one_order_and_one_checkout_exist()
            throws Exception {
        String body = "{\"amount\": 777, \"currency\": \"NOK\", \"receipt\": \"idempotent\"}";

        HttpResponse<String> first = merchant.postJson("/orders", body, "Idempotency-Key", "order-777");
        HttpResponse<String> second = merchant.postJson("/orders", body, "Idempotency-Key", "order-777");
        HttpResponse<String> changed = merchant.postJson("/orders", body.replace("777,", "778,"),
                "Idempotency-Key", "order-777");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(merchant.json(second).get("id").getStringValue())
                .isEqualTo(merchant.json(first).get("id").getStringValue());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(changed.statusCode()).isEqualTo(422);
        dintero.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/sessions-profile"))
                .withRequestBody(matchingJsonPath("$.order.amount", equalTo("777"))));
    }

    @Test
    void given_no_api_key_then_merchant_endpoints_refuse_and_buyer_routes_health_and_api_document_stay_open() throws Exception {
        String id = merchant.createOrder(500, "NOK", "auth");
        HttpResponse<String> list = merchant.getAnonymously("/orders");
        HttpResponse<String> wrongKey = merchant.get("/orders/" + id, "Authorization", "Bearer not-the-key");
        HttpResponse<String> buyerReturn = merchant.getAnonymously("/orders/" + id + "/redirect?error=cancelled");

        assertThat(list.statusCode()).isEqualTo(401);
        assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).doesNotContain("not-the-key");
        assertThat(buyerReturn.statusCode()).isEqualTo(200);
        assertThat(merchant.getAnonymously("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> apiDocument = merchant.getAnonymously("/swagger/orderpay-1.0.yml");
        assertThat(apiDocument.statusCode()).isEqualTo(200);
        assertThat(apiDocument.body()).contains("/orders/{id}/capture");
    }

    private String paidOrder(long amount, String currency) throws Exception {
        String id = merchant.createOrder(amount, currency, "ops");
        dintero.givenTransaction("T-ops-" + id, id, amount, currency, "AUTHORIZED");
        HttpResponse<String> returned = merchant.get("/orders/" + id + "/redirect?transaction_id=T-ops-" + id);
        assertThat(merchant.json(returned).get("order").get("status").getStringValue()).isEqualTo("AUTHORIZED");
        return id;
    }
}
