package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics an operator scrapes, read from the running service after one order was created (and repeated with its
 * idempotency key), paid through the simulator, reconciled and told to a webhook receiver; checked with Debian's
 * promtool, together with the alert rules and the dashboard shipped in docs/monitoring.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Path MONITORING = Path.of("..", "docs", "monitoring");

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator()
            .with("orderpay.reconcile-enabled", "true")
            .with("orderpay.reconcile-interval", "200ms")
            .with("orderpay.webhook.poll-interval", "100ms");

    @RegisterExtension
    static final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ServiceClient merchant = orderpay.client();
    private String scrape;

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @BeforeAll
    void payOneOrderAndScrape() throws Exception {
        receiver.stubFor(post("/hooks").willReturn(aResponse().withStatus(204)));
        HttpResponse<String> endpoint = merchant.postJson("/webhook-endpoints",
                "{\"url\": \"http://127.0.0.1:" + receiver.getPort() + "/hooks\"}");
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
        String order = "{\"amount\": 12900, \"currency\": \"NOK\", \"receipt\": \"metrics\"}";
        JsonNode created = merchant.json(merchant.postJson("/orders", order, "Idempotency-Key", "metrics-1"));
        HttpResponse<String> replayed = merchant.postJson("/orders", order, "Idempotency-Key", "metrics-1");
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        payThroughTheSimulator(created.get("links").get(0).get("href").getStringValue());

        Instant giveUp = Instant.now().plus(PATIENCE);
        do {
            scrape = merchant.get("/prometheus").body();
            if (scrape.contains("orderpay_webhook_attempts_total{outcome=\"delivered\"")
                    && scrape.contains("orderpay_reconciliation_runs_seconds_count{outcome=\"ok\"")) {
                break;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(giveUp));
        // Kept for a look when a check fails.
        Files.writeString(Path.of("target", "prometheus-scrape.txt"), scrape);
    }

    private static void payThroughTheSimulator(String link) throws Exception {
        HttpClient buyer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> paid = buyer.send(HttpRequest.newBuilder(URI.create(link + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String returnUrl = paid.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> returned = buyer.send(HttpRequest.newBuilder(URI.create(returnUrl))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(returned.body()).contains("AUTHORIZED");
    }

    @Test
    void orderpays_own_meters_carry_their_tags() {
        assertThat(scrape).containsPattern(sample("orderpay_provider_calls_seconds_bucket",
                "le=\"0\\.25\"", "operation=\"open_checkout\"", "outcome=\"ok\"", "provider=\"simulator\""));
        assertThat(scrape).containsPattern(sample("orderpay_provider_calls_seconds_count",
                "operation=\"fetch_payment\"", "outcome=\"ok\"", "provider=\"simulator\""));
        // The simulator's callback and the buyer's return race; whichever verifies the payment first moves it.
        assertThat(scrape).containsPattern(sample("orderpay_status_transitions_total",
                "from=\"PENDING\"", "source=\"(redirect|callback)\"", "to=\"AUTHORIZED\""));
        assertThat(scrape).containsPattern("(?m)^orderpay_idempotent_replays_total(\\{[^}]*})? 1\\.0$");
        assertThat(scrape).containsPattern(sample("orderpay_reconciliation_runs_seconds_count", "outcome=\"ok\""));
        assertThat(scrape).containsPattern("(?m)^orderpay_reconciliation_oldest_unsettled_seconds(\\{[^}]*})? ");
        assertThat(scrape).containsPattern("(?m)^orderpay_webhook_backlog(\\{[^}]*})? ");
        assertThat(scrape).containsPattern("(?m)^orderpay_webhook_delivery_lag_seconds_count(\\{[^}]*})? ");
        assertThat(scrape).containsPattern(sample("orderpay_webhook_attempts_total", "outcome=\"delivered\""));
    }

    @Test
    void http_requests_are_timed_per_route_template_and_status_beside_the_jvm_and_the_database_pool() {
        assertThat(scrape).containsPattern(sample("http_server_requests_seconds_count",
                "method=\"POST\"", "status=\"201\"", "uri=\"/orders\""));
        assertThat(scrape).containsPattern(sample("http_server_requests_seconds_count",
                "method=\"GET\"", "status=\"200\"", "uri=\"/orders/\\{id}/redirect\""));
        assertThat(scrape).doesNotContainPattern("uri=\"/orders/[0-9a-f]{8}-");
        assertThat(scrape).contains("jvm_memory_used_bytes", "hikaricp_connections_active",
                "hikaricp_connections_pending", "hikaricp_connections_max");
    }

    @Test
    void without_an_api_key_the_metrics_are_refused() throws Exception {
        assertThat(merchant.getAnonymously("/prometheus").statusCode()).isEqualTo(401);
    }

    /**
     * Two of Micrometer's standard JVM meters have names promtool's lint dislikes; dashboards everywhere use them as
     * they are, so they are let be. Any other finding fails.
     */
    @Test
    void promtool_finds_nothing_wrong_with_the_scrape_beyond_two_standard_jvm_names() throws Exception {
        Set<String> knownFindings = Set.of(
                "process_cpu_time_ns_total metric names should not contain abbreviated units",
                "system_cpu_count non-histogram and non-summary metrics should not have \"_count\" suffix");

        Promtool.Result checked = Promtool.run(scrape, "check", "metrics");

        assertThat(checked.output().lines().map(String::strip).filter(line -> !line.isEmpty()))
                .as(checked.output())
                .isSubsetOf(knownFindings);
    }

    @Test
    void promtool_accepts_the_alert_rules() throws Exception {
        Promtool.Result checked = Promtool.run("", "check", "rules",
                MONITORING.resolve("alerts.yml").toString());

        assertThat(checked.exitCode()).as(checked.output()).isZero();
    }

    @Test
    void every_metric_the_alerts_and_the_dashboard_use_is_one_the_service_exposes() throws Exception {
        StringBuilder expressions = new StringBuilder();
        Map<String, List<Map<String, List<Map<String, Object>>>>> alerts =
                new Yaml().load(Files.readString(MONITORING.resolve("alerts.yml")));
        alerts.get("groups").forEach(group -> group.get("rules")
                .forEach(rule -> expressions.append(rule.get("expr")).append('\n')));
        JsonNode panels = JsonMapper.createDefault()
                .readValue(Files.readString(MONITORING.resolve("dashboard.json")), JsonNode.class).get("panels");
        panels.values().forEach(panel -> panel.get("targets").values()
                .forEach(target -> expressions.append(target.get("expr").getStringValue()).append('\n')));

        Set<String> used = metricNames(expressions.toString());

        assertThat(panels.size()).isGreaterThanOrEqualTo(6);
        assertThat(used).contains("orderpay_status_transitions_total", "orderpay_provider_calls_seconds_bucket",
                "orderpay_reconciliation_oldest_unsettled_seconds", "hikaricp_connections_pending",
                "orderpay_webhook_backlog");
        // Dintero's token renewals appear only with Dintero: MetricsOpenTest finds them there.
        used.remove("orderpay_provider_token_renewals_total");
        assertThat(used).allSatisfy(name -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    /** The names of metrics a PromQL text uses: ours, Micronaut's HTTP timers, the pool's and the JVM's. */
    private static Set<String> metricNames(String text) {
        Matcher names = Pattern.compile("\\b(?:orderpay|http_server|hikaricp|jvm|process)_[a-z_]+").matcher(text);
        Set<String> found = new TreeSet<>();
        while (names.find()) {
            found.add(names.group());
        }
        return found;
    }

    /** A sample line of {@code name} carrying every one of {@code labels}, in any order among others. */
    private static String sample(String name, String... labels) {
        // Up to the line's end, not to the first '}': a route template's {id} sits inside a label.
        StringBuilder pattern = new StringBuilder("(?m)^" + name + "\\{");
        for (String label : List.of(labels)) {
            pattern.append("(?=[^\\n]*").append(label).append(")");
        }
        return pattern.append("[^\\n]*} ").toString();
    }
}
