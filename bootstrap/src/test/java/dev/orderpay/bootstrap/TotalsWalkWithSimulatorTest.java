package dev.orderpay.bootstrap;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TotalsWalk} with the built-in simulator, which keeps what was captured of each line and checks refunds. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TotalsWalkWithSimulatorTest implements TestPropertyProvider, TotalsWalk.Provider {

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator();

    private final TotalsWalk walk = new TotalsWalk(orderpay.client(), this);

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
        String link = createdOrder.get("links").get(0).get("href").getStringValue();
        HttpClient buyer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> paid = buyer.send(HttpRequest.newBuilder(URI.create(link + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String returnUrl = paid.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> returned = buyer.send(HttpRequest.newBuilder(URI.create(returnUrl))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(returned.body()).contains("AUTHORIZED");
    }

    @Override
    public void willShow(String orderId, String operation, long amount, List<Long> captures, List<Long> refunds,
                         String providerStatus) {
        // The simulator works it out itself.
    }

    @Override
    public void received(String orderId, String operation, String body) {
        // The simulator refuses lines that do not add up or refunds of more of a line than was captured; the step's
        // 200 shows it took them.
    }
}
