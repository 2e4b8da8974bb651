package dev.orderpay.adapter.webhooks;

import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.SigningSecret;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many connections the sender opens to receivers that never answer: at most the per-host limit to one receiver,
 * at most the overall limit of calls at once, and nothing sent after a call was given up.
 */
class ConnectionLimitsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void calls_to_one_receiver_share_at_most_its_connections_and_a_call_given_up_is_never_sent()
            throws IOException, InterruptedException {
        try (ApplicationContext context = adapterWith(1, 64); SilentPort receiver = new SilentPort()) {
            List<WebhookResponse> responses = sendAtOnce(context, 3, index -> receiver);

            assertThat(responses).extracting(response -> ((WebhookResponse.NotAnswered) response).error())
                    .containsExactlyInAnyOrder("no answer within 1s",
                            "not sent: every connection to the receiver stayed busy",
                            "not sent: every connection to the receiver stayed busy");
            Thread.sleep(TIMEOUT.multipliedBy(2).toMillis()); // long enough for a late send to show
            // Only requests count: once the first connection closes, Micronaut's pool may open one it never uses.
            assertThat(receiver.connectionsUsed()).isEqualTo(1);
        }
    }

    @Test
    void each_of_several_calls_to_one_receiver_gets_a_connection_up_to_the_limit() throws IOException {
        try (ApplicationContext context = adapterWith(3, 64); SilentPort receiver = new SilentPort()) {
            sendAtOnce(context, 3, index -> receiver);

            assertThat(receiver.mostOpenAtOnce()).isEqualTo(3);
            assertThat(receiver.connectionsUsed()).isEqualTo(3);
        }
    }

    @Test
    void calls_beyond_the_overall_limit_wait_for_their_turn() throws IOException {
        try (ApplicationContext context = adapterWith(4, 1);
             SilentPort first = new SilentPort();
             SilentPort second = new SilentPort()) {
            sendAtOnce(context, 2, index -> index == 0 ? first : second);

            assertThat(first.connections() + second.connections()).isEqualTo(2);
            Duration apart = Duration.between(first.connectedAt().get(0), second.connectedAt().get(0)).abs();
            // the second call starts only once the first was given up: never much sooner than its timeout
            assertThat(apart).isGreaterThan(TIMEOUT.multipliedBy(8).dividedBy(10));
        }
    }

    private static List<WebhookResponse> sendAtOnce(ApplicationContext context, int calls,
                                                    IntFunction<SilentPort> receiverOfCall) {
        HttpWebhookSender sender = context.getBean(HttpWebhookSender.class);
        List<CompletableFuture<WebhookResponse>> running = IntStream.range(0, calls)
                .mapToObj(index -> CompletableFuture.supplyAsync(() -> sender.send(new WebhookRequest(
                        URI.create("http://127.0.0.1:" + receiverOfCall.apply(index).port() + "/hooks"),
                        "evt_" + index, EventType.PING, "{}", List.of(new SigningSecret("whsec_limits"))))))
                .toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    private static ApplicationContext adapterWith(int perHost, int overall) {
        return ApplicationContext.builder().environments("test").deduceEnvironment(false)
                .properties(Map.of(
                        "orderpay.webhook.timeout", TIMEOUT.toMillis() + "ms",
                        "orderpay.webhook.max-connections-per-host", perHost,
                        "orderpay.webhook.max-connections", overall))
                .singletons(new HostNamesForTests())
                .start();
    }
}
