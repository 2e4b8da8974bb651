package dev.orderpay.adapter.webhooks;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.SigningSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver's check that docs/webhooks.md shows ({@link WebhookVerifier}, word for word) run against webhooks
 * this adapter really sent.
 */
class WebhookVerifierExampleTest {

    private static final String SECRET = "whsec_Zq3-merchant-secret";
    private static final String BODY = "{\"id\":\"evt_7\",\"type\":\"order.captured\",\"data\":{\"receipt\":\"Kaffe ☕\"}}";

    @RegisterExtension
    static final WireMockExtension receiver = Receiver.onFreePorts();
    @RegisterExtension
    static final WebhooksAdapter adapter = WebhooksAdapter.outsideProduction();

    private String signature;
    private byte[] rawBody;

    @BeforeEach
    void receiveOneSignedWebhook() {
        receiver.stubFor(post(urlPathEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        WebhookResponse response = adapter.sender().send(new WebhookRequest(Receiver.http(receiver, "/hooks"),
                "evt_7", EventType.ORDER_CAPTURED, BODY,
                List.of(new SigningSecret("whsec_new-one"), new SigningSecret(SECRET))));
        assertThat(response).isInstanceOf(WebhookResponse.Answered.class);
        LoggedRequest received = Receiver.everythingReceived(receiver).get(0);
        signature = received.getHeader("Orderpay-Signature");
        rawBody = received.getBody();
    }

    @Test
    void a_webhook_as_sent_is_authentic_with_either_secret_in_force() {
        assertThat(new WebhookVerifier(SECRET).isAuthentic(signature, rawBody, Instant.now())).isTrue();
        assertThat(new WebhookVerifier("whsec_new-one").isAuthentic(signature, rawBody, Instant.now())).isTrue();
    }

    @Test
    void another_secret_a_changed_body_or_a_stale_timestamp_is_not() {
        byte[] changed = Arrays.copyOf(rawBody, rawBody.length);
        changed[changed.length - 2] = (byte) 'X';

        assertThat(new WebhookVerifier("whsec_someone-else").isAuthentic(signature, rawBody, Instant.now())).isFalse();
        assertThat(new WebhookVerifier(SECRET).isAuthentic(signature, changed, Instant.now())).isFalse();
        assertThat(new WebhookVerifier(SECRET)
                .isAuthentic(signature, rawBody, Instant.now().plus(Duration.ofMinutes(6)))).isFalse();
        assertThat(new WebhookVerifier(SECRET)
                .isAuthentic(signature.replaceFirst("t=\\d+", "t=1"), rawBody, Instant.now())).isFalse();
    }

    @Test
    void the_documentation_shows_this_example_word_for_word() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/orderpay/adapter/webhooks/WebhookVerifier.java"));
        String example = source.substring(source.indexOf("import "));
        String docs = Files.readString(Path.of("../docs/webhooks.md"), StandardCharsets.UTF_8);

        assertThat(docs).contains("```java\n" + example + "```\n");
    }
}
