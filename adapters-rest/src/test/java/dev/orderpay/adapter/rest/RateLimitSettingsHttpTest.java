package dev.orderpay.adapter.rest;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rate-limit settings that need a service of their own: each test starts the service it describes. */
class RateLimitSettingsHttpTest {

    @Test
    void given_no_trusted_proxies_when_requests_name_other_clients_in_x_forwarded_for_then_the_peer_is_the_client() {
        try (EmbeddedServer server = start(Map.of("orderpay.rate-limit.public", "2/1h"));
             HttpClient client = HttpClient.create(server.getURL())) {

            List<Integer> statuses = IntStream.range(0, 3)
                    .mapToObj(i -> status(client.toBlocking(), HttpRequest.GET("/orders/" + UUID.randomUUID()
                            + "/redirect").header("X-Forwarded-For", "203.0.113." + i)))
                    .toList();

            assertThat(statuses).containsExactly(404, 404, 429);
        }
    }

    @Test
    void given_two_instances_sharing_a_limit_when_a_key_calls_both_then_each_allows_its_half() {
        Map<String, Object> shared = Map.of("orderpay.rate-limit.merchant", "4/1h",
                "orderpay.rate-limit.instances", "2");
        try (EmbeddedServer first = start(shared); EmbeddedServer second = start(shared);
             HttpClient toFirst = HttpClient.create(first.getURL());
             HttpClient toSecond = HttpClient.create(second.getURL())) {

            List<Integer> fromFirst = listThreeTimes(toFirst.toBlocking());
            List<Integer> fromSecond = listThreeTimes(toSecond.toBlocking());

            assertThat(fromFirst).containsExactly(200, 200, 429);
            assertThat(fromSecond).containsExactly(200, 200, 429);
            HttpResponse<?> answer = toSecond.toBlocking().exchange(HttpRequest.GET("/orders/totals")
                    .bearerAuth(Api.SECOND_MERCHANT_KEY));
            assertThat(answer.getHeaders().get("RateLimit-Policy")).isEqualTo("\"merchant\";q=2;w=3600");
        }
    }

    @Test
    void given_rate_limits_switched_off_when_called_past_the_limit_then_every_request_is_served_without_headers() {
        try (EmbeddedServer server = start(Map.of("orderpay.rate-limit.enabled", "false",
                "orderpay.rate-limit.merchant", "1/1h", "orderpay.rate-limit.public", "not a limit"));
             HttpClient client = HttpClient.create(server.getURL())) {

            List<HttpResponse<?>> answers = IntStream.range(0, 3)
                    .<HttpResponse<?>>mapToObj(i -> client.toBlocking().exchange(HttpRequest.GET("/orders")
                            .bearerAuth(Api.MERCHANT_KEY)))
                    .toList();

            assertThat(answers).extracting(HttpResponse::code).containsOnly(200);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.getHeaders().contains("RateLimit")).isFalse());
        }
    }

    @Test
    void given_a_limit_that_is_not_one_when_the_service_starts_then_it_stops_naming_the_variable() {
        assertThatThrownBy(() -> start(Map.of("orderpay.rate-limit.merchant", "plenty")).close())
                .hasStackTraceContaining("orderpay.rate-limit.merchant (ORDERPAY_RATE_LIMIT_MERCHANT) is \"plenty\"");
    }

    @Test
    void given_a_limit_for_a_group_that_does_not_exist_when_the_service_starts_then_it_stops() {
        assertThatThrownBy(() -> start(Map.of("orderpay.rate-limit.groups.paymnets", "10/1m")).close())
                .hasStackTraceContaining("orderpay.rate-limit.groups.paymnets names no route group");
    }

    @Test
    void given_a_group_limit_from_an_environment_variable_when_the_group_is_called_then_its_policy_applies() {
        PropertySource variables = PropertySource.of("variables", Map.of(
                "ORDERPAY_RATE_LIMIT_GROUPS_ORDERS_WRITE", "7/1m"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        try (ApplicationContext context = ApplicationContext.builder(Environment.TEST).propertySources(variables)
                .start();
             EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
             HttpClient client = HttpClient.create(server.getURL())) {

            HttpResponse<?> created = client.toBlocking().exchange(Api.createOrderRequest(100, "NOK", "variables")
                    .bearerAuth(Api.MERCHANT_KEY));

            assertThat(created.getHeaders().get("RateLimit-Policy")).isEqualTo("\"orders-write\";q=7;w=60");
        }
    }

    private static List<Integer> listThreeTimes(BlockingHttpClient client) {
        return IntStream.range(0, 3)
                .mapToObj(i -> status(client, HttpRequest.GET("/orders").bearerAuth(Api.MERCHANT_KEY)))
                .toList();
    }

    private static int status(BlockingHttpClient client, HttpRequest<?> request) {
        try {
            return client.exchange(request).code();
        } catch (HttpClientResponseException refused) {
            return refused.code();
        }
    }

    private static EmbeddedServer start(Map<String, Object> settings) {
        return ApplicationContext.run(EmbeddedServer.class, new HashMap<>(settings), Environment.TEST);
    }
}
