package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service through its real HTTP API: real PostgreSQL, the real Dintero adapter, and Dintero itself
 * played by WireMock. Create → return from the checkout → list.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderPaymentFlowTest implements TestPropertyProvider {

    private static final String PUBLIC_URL = ServiceUnderTest.SHOP_URL;

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero();

    private final ServiceClient service = orderpay.client();
    private final DinteroSandbox dintero = orderpay.dintero();
    private String databaseUser;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = orderpay.properties();
        databaseUser = properties.get("datasources.default.username");
        return properties;
    }

    @Test
    void given_a_new_order_when_the_buyer_pays_and_returns_then_the_list_shows_it_authorized() throws Exception {
        HttpResponse<String> created = service.postJson("/orders", "{\"amount\":29900,\"currency\":\"NOK\",\"receipt\":\"receipt#1\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = service.json(created);
        String id = order.get("id").getStringValue();
        assertThat(created.headers().firstValue("Location")).contains("/orders/" + id);
        assertThat(order.get("status").getStringValue()).isEqualTo("PENDING");
        assertThat(order.get("links").get(0).get("href").getStringValue())
                .isEqualTo("https://checkout.test.dintero.com/v1/view/" + DinteroSandbox.sessionOf(id));
        dintero.wireMock().verify(postRequestedFor(urlEqualTo("/v1/sessions-profile"))
                .withHeader("Authorization", equalTo("Bearer " + DinteroSandbox.ACCESS_TOKEN))
                .withRequestBody(equalToJson("""
                        {"url": {"return_url": "%s/orders/%s/redirect"},
                         "order": {"amount": 29900, "currency": "NOK", "merchant_reference": "%s"},
                         "profile_id": "default"}""".formatted(PUBLIC_URL, id, id), true, true)));
        dintero.wireMock().verify(postRequestedFor(urlEqualTo("/v1/sessions-profile"))
                .withRequestBody(matchingJsonPath("$.url.callback_url",
                        matching(Pattern.quote(PUBLIC_URL + "/orders/" + id + "/callback?") + ".*report_error=true.*")))
                .withRequestBody(matchingJsonPath("$.expires_at")));

        dintero.givenTransaction("T-paid-" + id, id, 29900, "NOK", "AUTHORIZED");
        HttpResponse<String> returned = service.get("/orders/" + id + "/redirect?transaction_id=T-paid-" + id
                + "&merchant_reference=" + id);

        assertThat(returned.statusCode()).isEqualTo(200);
        assertThat(service.json(returned).get("order").get("status").getStringValue()).isEqualTo("AUTHORIZED");
        assertThat(statusInList(id)).isEqualTo("AUTHORIZED");

        HttpResponse<String> returnedAgain = service.get("/orders/" + id + "/payment-redirect?transaction_id=T-paid-" + id
                + "&merchant_reference=" + id);
        assertThat(returnedAgain.statusCode()).isEqualTo(200);
        assertThat(service.json(returnedAgain).get("message").getStringValue())
                .isEqualTo(service.json(returned).get("message").getStringValue());
        assertThat(statusInList(id)).isEqualTo("AUTHORIZED");
    }

    @Test
    void given_an_order_with_items_a_customer_and_an_address_when_created_then_dinteros_session_carries_them()
            throws Exception {
        HttpResponse<String> created = service.postJson("/orders", """
                {"currency": "NOK", "receipt": "with contents",
                 "items": [{"line_id": "1", "description": "Wool socks", "quantity": 2, "amount": 19800, "vat": 25,
                            "vat_amount": 3960, "sku": "SOCK-42"}],
                 "customer": {"email": "kari@example.com", "first_name": "Kari", "last_name": "Nordmann"},
                 "shipping_address": {"address_line": "Storgata 1", "postal_code": "0155", "postal_place": "Oslo",
                                      "country": "NO"},
                 "metadata": {"shop_order": "A-17"}}""");

        assertThat(created.statusCode()).isEqualTo(201);
        String id = service.json(created).get("id").getStringValue();
        dintero.wireMock().verify(postRequestedFor(urlEqualTo("/v1/sessions-profile"))
                .withRequestBody(matchingJsonPath("$.order.merchant_reference", equalTo(id)))
                .withRequestBody(equalToJson("""
                        {"customer": {"email": "kari@example.com"},
                         "order": {"amount": 19800, "currency": "NOK",
                                   "items": [{"id": "SOCK-42", "line_id": "1", "description": "Wool socks",
                                              "quantity": 2, "amount": 19800, "vat": 25, "vat_amount": 3960}],
                                   "shipping_address": {"first_name": "Kari", "last_name": "Nordmann",
                                                        "address_line": "Storgata 1", "postal_code": "0155",
                                                        "postal_place": "Oslo", "country": "NO"}}}""", false, true))
                .withRequestBody(notMatching("(?s).*(billing_address|metadata|shop_order).*")));
    }

    @Test
    void given_a_return_that_points_at_a_payment_for_a_smaller_amount_then_the_order_stays_pending() throws Exception {
        String id = service.createOrder(50000, "NOK", "forged");
        dintero.givenTransaction("T-cheap-" + id, id, 100, "NOK", "AUTHORIZED");

        HttpResponse<String> returned = service.get("/orders/" + id + "/redirect?transaction_id=T-cheap-" + id);

        assertThat(returned.statusCode()).isEqualTo(HttpStatus.CONFLICT.getCode());
        assertThat(returned.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(statusInList(id)).isEqualTo("PENDING");
    }

    @Test
    void given_a_browser_returning_when_the_payment_is_verified_then_it_sees_a_page() throws Exception {
        String id = service.createOrder(1000, "NOK", "browser");
        dintero.givenTransaction("T-html-" + id, id, 1000, "NOK", "CAPTURED");

        HttpResponse<String> page = service.get("/orders/" + id + "/redirect?transaction_id=T-html-" + id,
                "Accept", "text/html,application/xhtml+xml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains(id).contains("CAPTURED");
    }

    @Test
    void given_dintero_down_when_creating_an_order_then_502_and_the_order_is_stored_failed() throws Exception {
        dintero.wireMock().stubFor(post(urlEqualTo("/v1/sessions-profile"))
                .withRequestBody(matchingJsonPath("$.order.currency", equalTo("SEK")))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"maintenance\"}}")));

        HttpResponse<String> created = service.postJson("/orders", "{\"amount\":700,\"currency\":\"SEK\",\"receipt\":\"down\"}");

        assertThat(created.statusCode()).isEqualTo(502);
        JsonNode problem = service.json(created);
        assertThat(problem.get("code").getStringValue()).isEqualTo("provider_unavailable");
        assertThat(created.body()).doesNotContain(DinteroSandbox.CLIENT_SECRET).doesNotContain(DinteroSandbox.ACCESS_TOKEN);
        String id = problem.get("order_id").getStringValue();
        assertThat(statusInList(id)).isEqualTo("FAILED");
    }

    @Test
    void given_an_anonymous_caller_then_health_tells_only_the_status() throws Exception {
        HttpResponse<String> health = service.getAnonymously("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = service.json(health);
        assertThat(body.get("status").getStringValue()).isEqualTo("UP");
        assertThat(body.get("details")).isNull();
        assertThat(health.body()).doesNotContain("jdbc:").doesNotContain(databaseUser).doesNotContain("diskSpace");
    }

    @Test
    void given_a_merchant_with_an_api_key_then_health_details_the_database() throws Exception {
        HttpResponse<String> health = service.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = service.json(health);
        assertThat(body.get("status").getStringValue()).isEqualTo("UP");
        assertThat(body.get("details").get("jdbc").get("status").getStringValue()).isEqualTo("UP");
        assertThat(health.body()).contains("jdbc:postgresql:");
    }

    private String statusInList(String id) throws Exception {
        for (JsonNode order : service.json(service.get("/orders?limit=200")).get("orders").values()) {
            if (order.get("id").getStringValue().equals(id)) {
                return order.get("status").getStringValue();
            }
        }
        throw new AssertionError("order " + id + " is not in the list");
    }

}
