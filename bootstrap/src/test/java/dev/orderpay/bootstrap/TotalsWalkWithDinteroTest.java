package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TotalsWalk} with Dintero played by WireMock: each capture and refund is answered with the transaction as
 * Dintero would then show it, and the request's body is checked (its reference aside).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TotalsWalkWithDinteroTest implements TestPropertyProvider, TotalsWalk.Provider {

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero();

    private final ServiceClient merchant = orderpay.client();
    private final DinteroSandbox dintero = orderpay.dintero();
    private final TotalsWalk walk = new TotalsWalk(merchant, this);

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_an_order_with_lines_when_captured_and_refunded_by_line_then_totals_and_lines_add_up() throws Exception {
        walk.byLines();
    }

    @Test
    void given_an_order_without_lines_when_captured_and_refunded_by_amount_then_totals_add_up() throws Exception {
        walk.byAmounts();
    }

    @Override
    public void authorize(JsonNode createdOrder) throws Exception {
        String id = createdOrder.get("id").getStringValue();
        long amount = createdOrder.get("amount").getLongValue();
        dintero.givenTransaction(transactionOf(id), id, amount, "NOK", "AUTHORIZED");
        HttpResponse<String> returned = merchant.get("/orders/" + id + "/redirect?transaction_id="
                + transactionOf(id));
        assertThat(merchant.json(returned).get("order").get("status").getStringValue()).isEqualTo("AUTHORIZED");
    }

    @Override
    public void willShow(String orderId, String operation, long amount, List<Long> captures, List<Long> refunds,
                         String providerStatus) {
        String events = "[{\"event\": \"AUTHORIZE\", \"success\": true, \"amount\": " + amount + "}"
                + captures.stream().map(captured -> ", {\"event\": \"CAPTURE\", \"success\": true, \"amount\": "
                        + captured + "}").collect(Collectors.joining())
                + refunds.stream().map(refunded -> ", {\"event\": \"REFUND\", \"success\": true, \"amount\": "
                        + refunded + "}").collect(Collectors.joining())
                + "]";
        dintero.givenOperationAnswers(transactionOf(orderId), operation, orderId, amount, "NOK", providerStatus,
                events);
    }

    @Override
    public void received(String orderId, String operation, String body) {
        // The reference differs per operation, so members the step does not name are left aside.
        dintero.wireMock().verify(postRequestedFor(urlEqualTo("/v1/transactions/" + transactionOf(orderId) + "/"
                + operation)).withRequestBody(equalToJson(body, false, true)));
    }

    private static String transactionOf(String orderId) {
        return "T-walk-" + orderId;
    }
}
