package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backlog for one endpoint drains without waiting for the timer: a round claims only
 * {@code endpoint-concurrency} deliveries to an endpoint (claiming no rounds ahead), and the next round starts as soon
 * as half of its calls ended. With a poll every 4 s, 24 events two at a time would take a minute if each round waited
 * for the timer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookBacklogTest implements TestPropertyProvider {

    private static final Duration POLL = Duration.ofSeconds(4);
    private static final int EVENTS = 24;

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator()
            .with("orderpay.webhook.poll-interval", POLL.toMillis() + "ms")
            .with("orderpay.webhook.endpoint-concurrency", "2")
            .with("orderpay.webhook.claim-ahead", "1");

    @RegisterExtension
    static final WireMockExtension receiver = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final ServiceClient merchant = orderpay.client();

    @Override
    public Map<String, String> getProperties() {
        return orderpay.properties();
    }

    @Test
    void given_a_backlog_for_one_endpoint_then_it_drains_without_waiting_a_poll_per_round() throws Exception {
        receiver.stubFor(post("/backlog").willReturn(ok()));
        HttpResponse<String> registered = merchant.postJson("/webhook-endpoints",
                "{\"url\": \"http://127.0.0.1:" + receiver.getPort() + "/backlog\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        for (int i = 0; i < EVENTS; i++) {
            merchant.createOrder(1_000 + i, "NOK", "backlog " + i);
        }

        List<LoggedRequest> received = ReceivedWebhooks.awaitAtLeast(receiver, "/backlog", EVENTS,
                Duration.ofSeconds(90));

        // Twelve rounds of two: had any of them waited for the timer, the spread would be at least one poll.
        assertThat(ReceivedWebhooks.spread(received)).isLessThan(POLL);
        assertThat(ReceivedWebhooks.distinctEvents(received)).isEqualTo(EVENTS);
    }
}
