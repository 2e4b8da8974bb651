package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import dev.orderpay.adapter.persistence.PostgresTestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes a platform such as Kubernetes asks: {@code /health/liveness} (the process) and {@code /health/readiness}
 * (the database answers and holds every migration). Anyone gets the status alone; callers with an API key also get
 * the details. A payment provider outage is such a detail and never makes the service unready.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthProbesTest implements TestPropertyProvider {

    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withDintero();

    private final ServiceClient merchant = orderpay.client();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.createDefault();

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_the_service_and_its_database_up_then_both_probes_say_up_and_only_a_key_shows_the_details()
            throws Exception {
        HttpResponse<String> liveness = merchant.getAnonymously("/health/liveness");
        HttpResponse<String> readiness = merchant.getAnonymously("/health/readiness");
        JsonNode details = json.readValue(merchant.get("/health/readiness").body(), JsonNode.class).get("details");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo(UP);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo(UP);
        assertThat(status(details, "jdbc")).isEqualTo("UP");
        assertThat(status(details, SchemaMigrationsHealth.NAME)).isEqualTo("UP");
        assertThat(details.get(SchemaMigrationsHealth.NAME).get("details").get("pending").getLongValue()).isZero();
        assertThat(status(details, PaymentProviderHealth.NAME)).isEqualTo("UP");
        assertThat(details.get(PaymentProviderHealth.NAME).get("details").get("provider").getStringValue())
                .isEqualTo("dintero");
    }

    @Test
    void given_the_provider_down_then_the_service_stays_ready_and_a_key_shows_the_outage_until_it_answers_again()
            throws Exception {
        orderpay.dintero().wireMock().stubFor(DinteroSandbox.sessionRequest().willReturn(serviceUnavailable()));
        HttpResponse<String> created = merchant.postJson("/orders",
                "{\"amount\": 29900, \"currency\": \"NOK\", \"receipt\": \"while Dintero is down\"}");

        HttpResponse<String> readiness = merchant.getAnonymously("/health/readiness");
        HttpResponse<String> health = merchant.getAnonymously("/health");
        HttpResponse<String> withKey = merchant.get("/health/readiness");
        JsonNode provider = json.readValue(withKey.body(), JsonNode.class).get("details")
                .get(PaymentProviderHealth.NAME);

        assertThat(created.statusCode()).isEqualTo(502);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo(UP);
        assertThat(health.body()).isEqualTo(UP);
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(provider.get("status").getStringValue()).isEqualTo("UP");
        assertThat(provider.get("details").get("state").getStringValue()).isEqualTo("outage");
        assertThat(provider.get("details").get("last_call").getStringValue()).isEqualTo("open_checkout");
        assertThat(provider.get("details").get("last_outcome").getStringValue()).isEqualTo("unavailable");
        assertThat(provider.get("details").get("outage_since")).isNotNull();

        orderpay.dintero().reset();
        merchant.createOrder(29900, "NOK", "once Dintero is back");
        JsonNode recovered = json.readValue(merchant.get("/health/readiness").body(), JsonNode.class).get("details")
                .get(PaymentProviderHealth.NAME).get("details");
        assertThat(recovered.get("state").getStringValue()).isEqualTo("answering");
        assertThat(recovered.get("outage_since")).isNull();
    }

    @Test
    void given_a_database_without_the_migrations_then_the_service_is_alive_but_not_ready() throws Exception {
        PostgresTestDatabase.NewDatabase empty = PostgresTestDatabase.newDatabase();
        Map<String, Object> properties = serviceOn(empty);
        properties.put("flyway.datasources.default.enabled", "false");
        try (EmbeddedServer service = ApplicationContext.run(EmbeddedServer.class, properties)) {
            URI base = service.getURI();

            HttpResponse<String> readiness = get(base, "/health/readiness", false);
            HttpResponse<String> liveness = get(base, "/health/liveness", false);
            JsonNode migrations = json.readValue(get(base, "/health/readiness", true).body(), JsonNode.class)
                    .get("details").get(SchemaMigrationsHealth.NAME);

            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).isEqualTo(DOWN);
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).isEqualTo(UP);
            assertThat(migrations.get("status").getStringValue()).isEqualTo("DOWN");
            assertThat(migrations.get("details").get("schema_version").getStringValue()).isEqualTo("none");
            assertThat(migrations.get("details").get("pending").getLongValue()).isPositive();
        }
    }

    @Test
    void given_the_database_unreachable_then_the_service_is_alive_but_not_ready() throws Exception {
        PostgresTestDatabase.NewDatabase database = PostgresTestDatabase.newDatabase();
        Map<String, Object> properties = serviceOn(database);
        // Hikari waits this long for a connection (30 s by default) before the indicator may say DOWN.
        properties.put("datasources.default.connection-timeout", "1000");
        try (EmbeddedServer service = ApplicationContext.run(EmbeddedServer.class, properties)) {
            URI base = service.getURI();
            HttpResponse<String> whileReachable = get(base, "/health/readiness", false);

            refuseConnections(database);
            HttpResponse<String> readiness = get(base, "/health/readiness", false);
            HttpResponse<String> liveness = get(base, "/health/liveness", false);
            JsonNode jdbc = json.readValue(get(base, "/health/readiness", true).body(), JsonNode.class)
                    .get("details").get("jdbc");

            assertThat(whileReachable.statusCode()).isEqualTo(200);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).isEqualTo(DOWN);
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).isEqualTo(UP);
            assertThat(jdbc.get("status").getStringValue()).isEqualTo("DOWN");
        }
    }

    /** A whole service of its own on this database, with the simulator and no background work to speak of. */
    private static Map<String, Object> serviceOn(PostgresTestDatabase.NewDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.datasourceProperties());
        properties.put("micronaut.server.port", "-1");
        properties.put("payments.provider", "simulator");
        properties.put("orderpay.public-url", ServiceUnderTest.SHOP_URL);
        properties.put("orderpay.api-keys", ServiceClient.API_KEY);
        properties.put("orderpay.reconcile-enabled", "false");
        properties.put("orderpay.webhook.poll-interval", "1h");
        return properties;
    }

    /** The database refuses new connections and drops those it has, as one that went away would. */
    private static void refuseConnections(PostgresTestDatabase.NewDatabase database) throws Exception {
        try (Connection admin = PostgresTestDatabase.openConnection()) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS false");
            }
            try (PreparedStatement terminate = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                terminate.setString(1, database.name());
                terminate.execute();
            }
        }
    }

    private HttpResponse<String> get(URI base, String path, boolean withKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (withKey) {
            request.header("Authorization", "Bearer " + ServiceClient.API_KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status(JsonNode details, String indicator) {
        return details.get(indicator).get("status").getStringValue();
    }
}
