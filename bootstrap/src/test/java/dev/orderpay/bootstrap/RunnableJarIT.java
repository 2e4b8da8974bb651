package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, as a user runs it: {@code java -jar bootstrap/target/orderpay.jar} with no database
 * configured (so it starts its embedded PostgreSQL) and Dintero's base URLs pointing at a stub. Catches what the
 * in-process tests cannot, such as a dependency missing from the shaded jar.
 */
class RunnableJarIT {

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheService().grantingTokens().openingSessionsForEveryOrder();

    @Test
    void given_the_packaged_jar_when_run_without_a_database_then_it_serves_orders() throws Exception {
        Path work = Path.of("target", "jar-run");
        try (ServiceProcess service = ServiceProcess.start(work, Map.of(
                "ORDERPAY_EMBEDDED_DATA_DIR", work.resolve("data").toAbsolutePath().toString(),
                "DINTERO_ACCOUNT_ID", DinteroSandbox.ACCOUNT_ID,
                "DINTERO_CLIENT_ID", "jar-client",
                "DINTERO_CLIENT_SECRET", DinteroSandbox.CLIENT_SECRET,
                "DINTERO_API_URL", dintero.wireMock().baseUrl(),
                "DINTERO_CHECKOUT_URL", dintero.wireMock().baseUrl(),
                "ORDERPAY_API_KEYS", ServiceClient.API_KEY))) {
            ServiceClient client = new ServiceClient(service.base(), JsonMapper.createDefault());

            String id = client.createOrder(29900, "NOK", "jar");

            assertThat(client.order(id, "").get("status").getStringValue()).isEqualTo("PENDING");
            dintero.wireMock().verify(1, postRequestedFor(urlEqualTo("/v1/sessions-profile")));
            HttpResponse<String> listed = client.get("/orders");
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains(id);
            assertThat(service.log()).contains("started an embedded PostgreSQL")
                    .doesNotContain(DinteroSandbox.CLIENT_SECRET);
        }
    }

    @Test
    void given_no_configuration_at_all_then_the_jar_runs_the_whole_flow_with_the_simulator() throws Exception {
        Path work = Path.of("target", "jar-run-simulator");
        try (ServiceProcess service = ServiceProcess.start(work, Map.of(
                "ORDERPAY_EMBEDDED_DATA_DIR", work.resolve("data").toAbsolutePath().toString(),
                "ORDERPAY_API_KEYS", ServiceClient.API_KEY))) {
            ServiceClient client = new ServiceClient(service.base(), JsonMapper.createDefault());
            JsonNode created = client.json(client.postJson("/orders",
                    "{\"amount\": 29900, \"currency\": \"NOK\", \"receipt\": \"zero config\"}"));
            String id = created.get("id").getStringValue();
            String link = created.get("links").get(0).get("href").getStringValue();
            HttpClient buyer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

            HttpResponse<String> page = buyer.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> paid = buyer.send(HttpRequest.newBuilder(URI.create(link + "/pay"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            String returnUrl = paid.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> returned = buyer.send(HttpRequest.newBuilder(URI.create(returnUrl))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.body()).contains("299.00 NOK");
            assertThat(paid.statusCode()).isEqualTo(303);
            assertThat(returned.body()).contains("AUTHORIZED");
            assertThat(client.json(client.get("/orders")).get("orders").get(0).get("status").getStringValue())
                    .isEqualTo("AUTHORIZED");
            assertThat(service.log()).contains("SIMULATOR is active");

            // Offline, the merchant is told the same as with a real provider, in order.
            HttpResponse<String> captured = client.postJson("/orders/" + id + "/capture", "{}");
            assertThat(captured.statusCode()).as(captured.body()).isEqualTo(200);
            List<String> told = new ArrayList<>();
            for (JsonNode event : client.json(client.get("/orders/" + id + "/events")).get("events").values()) {
                told.add(event.get("sequence").getLongValue() + " " + event.get("type").getStringValue());
            }
            assertThat(told).containsExactly("1 order.created", "2 order.authorized", "3 order.captured");
        }
    }
}
