package dev.orderpay.adapter.rest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits through HTTP: per API key on merchant routes, per client address on public ones (behind trusted
 * proxies too), one bound for the provider's callbacks. Every test spends the buckets of keys and addresses of its
 * own, so the tests do not depend on each other's order.
 */
@MicronautTest
@Property(name = "orderpay.api-keys", value = "key-1, key-2, key-3, key-4, key-5, key-6, key-7")
@Property(name = "orderpay.rate-limit.merchant", value = "3/1h")
@Property(name = "orderpay.rate-limit.public", value = "2/1h")
@Property(name = "orderpay.rate-limit.callbacks", value = "4/1h")
@Property(name = "orderpay.rate-limit.groups.payments", value = "5/1m")
@Property(name = "orderpay.rate-limit.trusted-proxies", value = "127.0.0.1, ::1, 10.0.0.0/8")
@Property(name = MetersForTests.ENABLED, value = "true")
class RateLimitHttpTest {

    private static final String POLICY = "RateLimit-Policy";
    private static final String REMAINING = "RateLimit";

    @Inject
    Api api;
    @Inject
    MeterRegistry meters;

    @Test
    void given_a_key_that_spent_its_limit_when_it_calls_again_then_429_with_retry_after_the_headers_and_a_problem() {
        List<Api.Reply> allowed = IntStream.range(0, 3)
                .mapToObj(i -> api.sendWithKey("key-1", HttpRequest.GET("/orders"))).toList();

        Api.Reply refused = api.sendWithKey("key-1", HttpRequest.GET("/orders"));

        assertThat(allowed).extracting(Api.Reply::status).containsOnly(200);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(refused.json()).containsEntry("code", "rate_limited").containsEntry("status", 429)
                .containsEntry("request_id", refused.header("Request-Id").orElseThrow());
        // One request in 3 per hour comes back every 20 minutes.
        assertThat(refused.header(HttpHeaders.RETRY_AFTER)).contains("1200");
        assertThat(refused.header(POLICY)).contains("\"merchant\";q=3;w=3600");
        assertThat(refused.header(REMAINING).orElseThrow()).matches("\"merchant\";r=0;t=(3599|3600)");
        assertThat(refused.headers().get(REMAINING)).as("sent once").hasSize(1);
        assertThat(refused.body()).doesNotContain("key-1");
    }

    @Test
    void given_a_limited_route_when_answered_2xx_then_the_headers_count_down_what_is_left() {
        List<Api.Reply> replies = IntStream.range(0, 3)
                .mapToObj(i -> api.sendWithKey("key-2", HttpRequest.GET("/orders/totals"))).toList();

        assertThat(replies).extracting(Api.Reply::status).containsOnly(200);
        assertThat(replies).extracting(reply -> reply.header(POLICY).orElseThrow())
                .containsOnly("\"merchant\";q=3;w=3600");
        assertThat(replies).extracting(reply -> reply.header(REMAINING).orElseThrow().replaceAll(";t=.*", ""))
                .containsExactly("\"merchant\";r=2", "\"merchant\";r=1", "\"merchant\";r=0");
    }

    @Test
    void given_one_key_over_its_limit_when_another_key_calls_then_it_is_served() {
        IntStream.range(0, 4).forEach(i -> api.sendWithKey("key-3", HttpRequest.GET("/orders")));

        Api.Reply other = api.sendWithKey("key-4", HttpRequest.GET("/orders"));

        assertThat(api.sendWithKey("key-3", HttpRequest.GET("/orders")).status()).isEqualTo(429);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header(REMAINING).orElseThrow()).startsWith("\"merchant\";r=2;");
    }

    @Test
    void given_groups_without_limits_of_their_own_when_a_key_uses_both_then_they_share_its_bucket() {
        api.sendWithKey("key-5", HttpRequest.GET("/orders"));
        api.sendWithKey("key-5", Api.createOrderRequest(100, "NOK", "rate-limited"));

        Api.Reply third = api.sendWithKey("key-5", HttpRequest.GET("/events"));

        assertThat(third.header(REMAINING).orElseThrow()).startsWith("\"merchant\";r=0;");
    }

    @Test
    void given_a_group_with_a_limit_of_its_own_when_called_then_its_own_policy_applies_to_every_answer() {
        Api.Reply cancel = api.sendWithKey("key-6", HttpRequest.POST("/orders/" + UUID.randomUUID() + "/cancel", ""));

        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.header(POLICY)).contains("\"payments\";q=5;w=60");
        assertThat(cancel.header(REMAINING).orElseThrow()).startsWith("\"payments\";r=4;");
        assertThat(api.sendWithKey("key-6", HttpRequest.GET("/orders")).header(REMAINING).orElseThrow())
                .startsWith("\"merchant\";r=2;");
    }

    @Test
    void given_a_public_route_when_one_address_spent_its_limit_then_it_gets_429_and_another_address_does_not() {
        List<Api.Reply> first = IntStream.range(0, 3)
                .mapToObj(i -> api.sendAnonymously(aReturn().header("X-Forwarded-For", "203.0.113.1"))).toList();

        Api.Reply other = api.sendAnonymously(aReturn().header("X-Forwarded-For", "203.0.113.2"));

        assertThat(first).extracting(Api.Reply::status).containsExactly(404, 404, 429);
        assertThat(first.get(0).header(POLICY)).contains("\"public\";q=2;w=3600");
        assertThat(first.get(2).json()).containsEntry("code", "rate_limited");
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void given_a_request_through_trusted_proxies_then_the_right_most_untrusted_address_is_the_client() {
        // 10.1.2.3 is a trusted proxy; what stands left of 198.51.100.8 anyone could have written.
        api.sendAnonymously(aReturn().header("X-Forwarded-For", "192.0.2.1, 198.51.100.8, 10.1.2.3"));
        api.sendAnonymously(aReturn().header("X-Forwarded-For", "192.0.2.2, 198.51.100.8"));

        Api.Reply third = api.sendAnonymously(aReturn().header("X-Forwarded-For", "192.0.2.3")
                .header("X-Forwarded-For", "198.51.100.8"));

        assertThat(third.status()).isEqualTo(429);
    }

    @Test
    void given_ipv6_clients_when_they_share_a_64_network_then_they_share_a_bucket() {
        api.sendAnonymously(aReturn().header("X-Forwarded-For", "2001:db8:1:2::1"));
        api.sendAnonymously(aReturn().header("X-Forwarded-For", "2001:db8:1:2:ffff:ffff:ffff:fffe"));

        Api.Reply sameNetwork = api.sendAnonymously(aReturn().header("X-Forwarded-For", "2001:db8:1:2::3"));
        Api.Reply nextNetwork = api.sendAnonymously(aReturn().header("X-Forwarded-For", "2001:db8:1:3::1"));

        assertThat(sameNetwork.status()).isEqualTo(429);
        assertThat(nextNetwork.status()).isEqualTo(404);
    }

    @Test
    void given_a_request_whose_every_hop_is_a_trusted_proxy_then_the_left_most_is_the_client() {
        api.sendAnonymously(aReturn().header("X-Forwarded-For", "10.9.9.9, 10.1.1.1"));
        api.sendAnonymously(aReturn().header("X-Forwarded-For", "10.9.9.9, 10.2.2.2"));

        Api.Reply third = api.sendAnonymously(aReturn().header("X-Forwarded-For", "10.9.9.9"));

        assertThat(third.status()).isEqualTo(429);
    }

    @Test
    void given_a_route_that_does_not_exist_when_called_then_the_public_limit_applies() {
        Api.Reply reply = api.sendAnonymously(HttpRequest.GET("/no/such/route")
                .header("X-Forwarded-For", "203.0.113.9"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header(POLICY)).contains("\"public\";q=2;w=3600");
        assertThat(reply.header(REMAINING).orElseThrow()).startsWith("\"public\";r=1;");
    }

    @Test
    void given_provider_callbacks_from_many_addresses_when_past_the_bound_then_refused_whatever_the_address() {
        List<Integer> statuses = IntStream.range(0, 5)
                .mapToObj(i -> api.sendAnonymously(HttpRequest.POST("/orders/" + UUID.randomUUID() + "/callback", "")
                        .header("X-Forwarded-For", "198.18.0." + i)))
                .map(Api.Reply::status).toList();

        assertThat(statuses.subList(0, 4)).doesNotContain(429);
        assertThat(statuses.get(4)).isEqualTo(429);
    }

    @Test
    void given_a_refused_request_when_metrics_are_read_then_it_is_counted_by_policy() {
        double before = refusals("merchant");
        IntStream.range(0, 5).forEach(i -> api.sendWithKey("key-7", HttpRequest.GET("/orders/totals")));

        assertThat(refusals("merchant") - before).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("orderpay.rate.limited").tag("policy", "payments").counter()).isNotNull();
    }

    private double refusals(String policy) {
        return meters.get("orderpay.rate.limited").tag("policy", policy).counter().count();
    }

    private static MutableHttpRequest<?> aReturn() {
        return HttpRequest.GET("/orders/" + UUID.randomUUID() + "/redirect");
    }
}
