package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow call holds up its own lane only: the next round starts once half of the last one's calls have ended, so the
 * endpoint's other lane goes on with the backlog while the slow call runs. The timer is set far out and the test
 * starts the first round itself, so that only the rounds chaining one another are measured: had each round waited
 * for all of its calls, every delivery after the slow one's round would have waited for its answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowWebhookCallTest implements TestPropertyProvider {

    private static final Duration SLOW = Duration.ofSeconds(3);
    private static final int EVENTS = 24;

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator()
            .with("orderpay.webhook.poll-interval", "1h")
            .with("orderpay.webhook.endpoint-concurrency", "2")
            .with("orderpay.webhook.claim-ahead", "1");

    @RegisterExtension
    static final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ServiceClient merchant = orderpay.client();

    @Inject
    WebhookDeliveryJob deliveryJob;

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_one_slow_call_then_the_other_lane_goes_on_with_the_next_rounds() throws Exception {
        receiver.stubFor(post("/hooks").atPriority(1)
                .withRequestBody(matchingJsonPath("$.data.receipt", equalTo("the slow one")))
                .willReturn(ok().withFixedDelay((int) SLOW.toMillis())));
        receiver.stubFor(post("/hooks").atPriority(2).willReturn(ok()));
        HttpResponse<String> registered = merchant.postJson("/webhook-endpoints",
                "{\"url\": \"http://127.0.0.1:" + receiver.getPort() + "/hooks\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        // The oldest, so the first round claims it.
        merchant.createOrder(1_000, "NOK", "the slow one");
        for (int i = 1; i < EVENTS; i++) {
            merchant.createOrder(1_000 + i, "NOK", "behind the slow one " + i);
        }

        deliveryJob.run();
        List<LoggedRequest> received = ReceivedWebhooks.awaitAtLeast(receiver, "/hooks", EVENTS,
                Duration.ofSeconds(60));

        assertThat(ReceivedWebhooks.spread(received)).isLessThan(SLOW);
        assertThat(ReceivedWebhooks.distinctEvents(received)).isEqualTo(EVENTS);
    }
}
