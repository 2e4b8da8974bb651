package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is killed while it waits for Dintero to open a checkout, and started again on the same database.
 * Nothing it acknowledged is lost, and reconciliation settles what was left open: the order that was being
 * created fails (no buyer ever got its link), an order the buyer paid while the service was down follows Dintero.
 */
class RestartIT {

    private static final long IN_FLIGHT_AMOUNT = 4242;

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheService().grantingTokens().openingSessionsForEveryOrder();

    @Test
    void given_a_crash_mid_creation_when_restarted_then_acknowledged_orders_survive_and_open_ones_are_reconciled()
            throws Exception {
        Path work = Path.of("target", "restart-run");
        Map<String, String> environment = environment();
        String paid;
        String unpaid;
        try (ServiceProcess first = ServiceProcess.start(work, environment)) {
            ServiceClient client = new ServiceClient(first.base(), JsonMapper.createDefault());
            paid = client.createOrder(1000, "NOK", "paid-while-down");
            unpaid = client.createOrder(2000, "NOK", "still-open");

            dintero.wireMock().stubFor(post(urlEqualTo("/v1/sessions-profile")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.order.amount", equalTo(Long.toString(IN_FLIGHT_AMOUNT))))
                    .willReturn(aResponse().withFixedDelay(60_000).withStatus(500)));
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(first.base().resolve("/orders"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + ServiceClient.API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"amount\":" + IN_FLIGHT_AMOUNT + ",\"currency\":\"NOK\",\"receipt\":\"in-flight\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            awaitSessionRequestFor(IN_FLIGHT_AMOUNT);

            first.kill();
        }

        // While the service was down, the buyer paid the first order; the second checkout is still open.
        dintero.givenTransaction("T-" + paid, paid, 1000, "NOK", "AUTHORIZED");
        Instant stillOpenUntil = Instant.now().plus(Duration.ofHours(1));
        dintero.givenSessionOf(paid, "T-" + paid, stillOpenUntil);
        dintero.givenSessionOf(unpaid, null, stillOpenUntil);

        try (ServiceProcess second = ServiceProcess.start(work, environment)) {
            ServiceClient client = new ServiceClient(second.base(), JsonMapper.createDefault());
            Instant deadline = Instant.now().plusSeconds(90);
            Map<String, String> statuses = statusesByReceipt(client);
            while (!(statuses.get("paid-while-down").equals("AUTHORIZED") && statuses.get("in-flight").equals("FAILED"))
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                statuses = statusesByReceipt(client);
            }

            assertThat(statuses).containsEntry("paid-while-down", "AUTHORIZED")
                    .containsEntry("in-flight", "FAILED")
                    .containsEntry("still-open", "PENDING");
            JsonNode history = client.order(paid, "?include=history").get("history");
            assertThat(history.get(0).get("source").getStringValue()).isEqualTo("RECONCILIATION");
        }
    }

    private Map<String, String> environment() {
        Map<String, String> environment = ServiceProcess.onTheTestDatabase();
        environment.put("DINTERO_ACCOUNT_ID", DinteroSandbox.ACCOUNT_ID);
        environment.put("DINTERO_CLIENT_ID", "restart-client");
        environment.put("DINTERO_CLIENT_SECRET", DinteroSandbox.CLIENT_SECRET);
        environment.put("DINTERO_API_URL", dintero.wireMock().baseUrl());
        environment.put("DINTERO_CHECKOUT_URL", dintero.wireMock().baseUrl());
        environment.put("ORDERPAY_RECONCILE_INTERVAL", "1s");
        environment.put("ORDERPAY_RECONCILE_AFTER", "1s");
        // Short Dintero timeouts and no retries, so the in-flight creation's hold on its order (30 s with these,
        // LongestCheckoutOpening) passes within the test; the session request is still cut by the kill, not them.
        environment.put("DINTERO_CONNECT_TIMEOUT", "500ms");
        environment.put("DINTERO_READ_TIMEOUT", "1500ms");
        environment.put("DINTERO_RETRY_ATTEMPTS", "0");
        environment.put("DINTERO_RETRY_MAX_RETRY_AFTER", "0s");
        return environment;
    }

    private void awaitSessionRequestFor(long amount) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (dintero.wireMock().findAll(postRequestedFor(urlEqualTo("/v1/sessions-profile"))
                .withRequestBody(matchingJsonPath("$.order.amount", equalTo(Long.toString(amount))))).isEmpty()) {
            assertThat(Instant.now()).as("Dintero never saw the in-flight session request").isBefore(deadline);
            Thread.sleep(100);
        }
    }


    private static Map<String, String> statusesByReceipt(ServiceClient client) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode order : client.json(client.get("/orders?limit=200")).get("orders").values()) {
            statuses.put(order.get("receipt").getStringValue(), order.get("status").getStringValue());
        }
        return statuses;
    }
}
