package dev.orderpay.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access through two instances of the service sharing one PostgreSQL, as a scaled-out deployment runs: a managed key
 * created on one works on the other, and revoked on one stops working on the other within five seconds; a rate
 * limit set for two instances is split between them, so a client balanced over both gets the limit and no more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesAccessTest {

    private static final Duration REVOCATION_PROMISE = Duration.ofSeconds(5);

    private ApplicationContext first;
    private ApplicationContext second;
    private ServiceClient onFirst;
    private ServiceClient onSecond;

    @BeforeAll
    void startTwoInstances() {
        // Only the payments group is limited tightly, so the other tests' requests are never refused.
        Map<String, String> shared = ServiceUnderTest.withSimulator()
                .with("orderpay.rate-limit.instances", "2")
                .with("orderpay.rate-limit.groups.payments", "4/1h")
                .properties();
        first = start(shared);
        second = start(shared);
        onFirst = client(first);
        onSecond = client(second);
    }

    @AfterAll
    void stop() {
        second.close();
        first.close();
    }

    @Test
    void a_key_revoked_on_one_instance_is_refused_on_the_other_within_five_seconds() throws Exception {
        Created key = create(onFirst, "leaked", "orders:read");
        // The second instance now holds what it read about the key in its cache.
        assertThat(onSecond.get("/orders", bearer(key.key())).statusCode()).isEqualTo(200);

        long revokedAt = System.nanoTime();
        assertThat(onFirst.delete("/api-keys/" + key.id()).statusCode()).isEqualTo(204);
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < REVOCATION_PROMISE.toNanos() * 2) {
            Thread.sleep(50);
            status = onSecond.get("/orders", bearer(key.key())).statusCode();
        }
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - revokedAt);

        assertThat(status).isEqualTo(401);
        assertThat(refusedAfter).isLessThan(REVOCATION_PROMISE);
        assertThat(onFirst.get("/orders", bearer(key.key())).statusCode()).isEqualTo(401);
    }

    @Test
    void a_limit_shared_by_two_instances_lets_a_client_balanced_over_both_have_the_limit_and_no_more()
            throws Exception {
        Created key = create(onFirst, "balanced", "payments:write");
        List<Integer> statuses = new ArrayList<>();
        List<String> policies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ServiceClient instance = i % 2 == 0 ? onFirst : onSecond;
            HttpResponse<String> answer = instance.postJson("/orders/" + UUID.randomUUID() + "/cancel", "",
                    bearer(key.key()));
            statuses.add(answer.statusCode());
            policies.add(answer.headers().firstValue("RateLimit-Policy").orElse("none"));
        }

        // Four tokens in all, two on each instance; the orders do not exist, which is answered once a token is had.
        assertThat(statuses).containsExactly(404, 404, 404, 404, 429, 429);
        assertThat(policies).containsOnly("\"payments\";q=2;w=3600");
    }

    @Test
    void the_metrics_need_metrics_read_and_a_key_without_it_is_told_so() throws Exception {
        Created reader = create(onFirst, "orders only", "orders:read");
        Created scraper = create(onFirst, "scraper", "metrics:read");

        HttpResponse<String> refused = onSecond.get("/prometheus", bearer(reader.key()));
        HttpResponse<String> scraped = onSecond.get("/prometheus", bearer(scraper.key()));

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode problem = onSecond.json(refused);
        assertThat(problem.get("code").getStringValue()).isEqualTo("insufficient_scope");
        assertThat(problem.get("required_scope").getStringValue()).isEqualTo("metrics:read");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("http_server_requests_seconds");
        assertThat(onSecond.get("/prometheus").statusCode()).as("the key from the environment").isEqualTo(200);
        assertThat(onSecond.getAnonymously("/prometheus").statusCode()).isEqualTo(401);
    }

    @Test
    void a_used_key_shows_when_it_was_last_used_and_no_list_shows_a_key() throws Exception {
        Created key = create(onFirst, "used", "orders:read");
        onSecond.get("/orders", bearer(key.key()));

        HttpResponse<String> listed = onFirst.get("/api-keys");

        assertThat(listed.body()).doesNotContain(key.key()).doesNotContain(ServiceClient.API_KEY);
        JsonNode found = null;
        for (JsonNode each : onFirst.json(listed).get("keys").values()) {
            if (each.get("id").getStringValue().equals(key.id())) {
                found = each;
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.get("last_used_at")).isNotNull();
        assertThat(found.get("source").getStringValue()).isEqualTo("managed");
    }

    private static Created create(ServiceClient client, String name, String scope) throws Exception {
        HttpResponse<String> created = client.postJson("/api-keys",
                "{\"name\": \"" + name + "\", \"scopes\": [\"" + scope + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = client.json(created);
        return new Created(body.get("id").getStringValue(), body.get("key").getStringValue());
    }

    private static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    private static ApplicationContext start(Map<String, String> shared) {
        Map<String, Object> properties = new HashMap<>(shared);
        properties.put("micronaut.server.port", Integer.toString(ServiceUnderTest.freePort()));
        return ApplicationContext.run(EmbeddedServer.class, properties, "test").getApplicationContext();
    }

    private static ServiceClient client(ApplicationContext context) {
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        return new ServiceClient(URI.create("http://localhost:" + server.getPort()), JsonMapper.createDefault());
    }

    private record Created(String id, String key) {
    }
}
