package dev.orderpay.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits in the whole service, with the simulator: the merchant's key and a buyer's address each spend their
 * own bucket, the refusals are answers the API document describes (ServiceClient checks every one), the
 * simulator's checkout pages count against the public limit, and each refusal is counted by policy.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitedServiceTest implements TestPropertyProvider {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String BUYER = "203.0.113.10";
    private static final String MONITOR = "203.0.113.20";

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator()
            .with("orderpay.rate-limit.merchant", "3/1h")
            .with("orderpay.rate-limit.public", "3/1h")
            // The test's requests all come from this machine: X-Forwarded-For tells its clients apart.
            .with("orderpay.rate-limit.trusted-proxies", "127.0.0.1, ::1");

    private final ServiceClient client = orderpay.client();

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void a_key_and_an_address_past_their_limits_get_documented_429s_and_the_refusals_are_counted() throws Exception {
        List<Integer> merchant = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            merchant.add(client.get("/orders").statusCode());
        }
        List<HttpResponse<String>> returns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            returns.add(client.getAnonymously("/orders/" + UUID.randomUUID() + "/redirect", FORWARDED_FOR, BUYER));
        }
        HttpResponse<String> checkoutPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        client.uri("/simulator/checkout/" + UUID.randomUUID())).header(FORWARDED_FOR, BUYER).build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> metrics = client.get("/prometheus", FORWARDED_FOR, MONITOR);

        assertThat(merchant).containsExactly(200, 200, 200, 429);
        assertThat(returns).extracting(HttpResponse::statusCode).containsExactly(404, 404, 404, 429);
        assertThat(returns.get(3).headers().firstValue("Retry-After")).contains("1200");
        assertThat(returns.get(3).headers().firstValue("RateLimit-Policy")).contains("\"public\";q=3;w=3600");
        assertThat(checkoutPage.statusCode()).isEqualTo(429);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("(?m)^orderpay_rate_limited_total\\{policy=\"merchant\"} 1\\.0$")
                .containsPattern("(?m)^orderpay_rate_limited_total\\{policy=\"public\"} 2\\.0$")
                .containsPattern("(?m)^orderpay_rate_limited_total\\{policy=\"callbacks\"} 0\\.0$");
    }
}
