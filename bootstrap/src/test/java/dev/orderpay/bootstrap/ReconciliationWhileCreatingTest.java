package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation running all the time and looking at orders as soon as they exist, while Dintero takes its time to
 * open a checkout: the order being created is left to its creation, which answers 201 with the checkout.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciliationWhileCreatingTest implements TestPropertyProvider {

    private static final int SESSION_OPENING_MILLIS = 2_000;

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero()
            .with("orderpay.reconcile-enabled", "true")
            .with("orderpay.reconcile-interval", "100ms")
            .with("orderpay.reconcile-after", "0s");

    private final ServiceClient service = orderpay.client();

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_reconciliation_running_every_100ms_when_dintero_is_slow_to_open_the_checkout_then_the_order_is_created()
            throws Exception {
        orderpay.dintero().wireMock().stubFor(DinteroSandbox.sessionRequest().atPriority(1)
                .willReturn(okJson("""
                        {"id": "%s.sess-{{jsonPath request.body '$.order.merchant_reference'}}",
                         "url": "https://checkout.test.dintero.com/v1/view/slow"}""".formatted(DinteroSandbox.ACCOUNT_ID))
                        .withTransformers("response-template")
                        .withFixedDelay(SESSION_OPENING_MILLIS)));
        // Once created, the order is reconciliation's like any other: Dintero shows its checkout open and unpaid.
        orderpay.dintero().wireMock().stubFor(WireMock.get(urlPathMatching("/v1/sessions/[^/]+"))
                .willReturn(okJson("""
                        {"id": "{{request.pathSegments.[2]}}", "expires_at": "2999-01-01T00:00:00Z",
                         "url": "https://checkout.test.dintero.com/v1/view/slow", "events": []}""")
                        .withTransformers("response-template")));

        HttpResponse<String> created = service.postJson("/orders",
                "{\"amount\": 12300, \"currency\": \"NOK\", \"receipt\": \"slow-checkout\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode order = service.json(created);
        assertThat(order.get("status").getStringValue()).isEqualTo("PENDING");
        assertThat(order.get("links").get(0).get("rel").getStringValue()).isEqualTo("session_link");
        JsonNode stored = service.order(order.get("id").getStringValue(), "?include=history");
        assertThat(stored.get("status").getStringValue()).isEqualTo("PENDING");
        assertThat(stored.get("history").values()).isEmpty();
    }
}
