package dev.orderpay.adapter.webhooks;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.orderpay.application.port.out.webhook.WebhookRequest;
import dev.orderpay.application.port.out.webhook.WebhookResponse;
import dev.orderpay.application.port.out.webhook.WebhookResponse.NotAnswered;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.SigningSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production a webhook never reaches this machine: refused when the URL is checked, and refused again when the
 * sender connects, also when the name pointed somewhere public at the check and points here by the time of the call.
 * The receiver listens on loopback and must see nothing.
 */
class SenderInProductionTest {

    @RegisterExtension
    static final WireMockExtension receiver = Receiver.onFreePorts();
    @RegisterExtension
    static final WebhooksAdapter adapter = WebhooksAdapter.inProduction();

    @Test
    void a_name_resolving_to_loopback_is_refused_by_the_check_and_never_connected_to() throws IOException {
        try (SilentPort port = new SilentPort()) {
            adapter.names().point("hooks.merchant.test", "127.0.0.1");
            URI url = URI.create("https://hooks.merchant.test:" + port.port() + "/hooks");

            assertThat(adapter.destinations().refusal(url))
                    .contains("the host resolves to a loopback address, which webhooks may not reach");
            WebhookResponse response = send(url);

            assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> assertThat(
                    notAnswered.error()).isEqualTo(
                    "not connected: the host resolves to a loopback address, which webhooks may not reach"));
            assertThat(port.connections()).isZero();
        }
    }

    @Test
    void a_name_that_pointed_somewhere_public_at_the_check_and_here_at_the_call_is_refused_at_connection()
            throws IOException {
        try (SilentPort port = new SilentPort()) {
            URI url = URI.create("https://rebinding.merchant.test:" + port.port() + "/hooks");
            adapter.names().point("rebinding.merchant.test", "93.184.216.34");
            assertThat(adapter.destinations().refusal(url)).isEmpty();

            adapter.names().point("rebinding.merchant.test", "127.0.0.1", "93.184.216.34");
            WebhookResponse response = send(url);

            assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> assertThat(
                    notAnswered.error()).isEqualTo(
                    "not connected: the host resolves to a loopback address, which webhooks may not reach"));
            assertThat(port.connections()).isZero();
        }
    }

    @Test
    void a_loopback_literal_is_never_connected_to() throws IOException {
        try (SilentPort port = new SilentPort()) {
            WebhookResponse response = send(URI.create("https://127.0.0.1:" + port.port() + "/hooks"));

            assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> assertThat(
                    notAnswered.error()).startsWith("not connected: the host resolves to a loopback address"));
            assertThat(port.connections()).isZero();
        }
    }

    @Test
    void the_port_would_see_a_connection() throws IOException, InterruptedException {
        // The proofs above are only worth something if a connection would have been seen.
        try (SilentPort port = new SilentPort();
             Socket client = new Socket(InetAddress.getLoopbackAddress(), port.port())) {
            for (int waited = 0; port.connections() == 0 && waited < 100; waited++) {
                Thread.sleep(20);
            }
            assertThat(client.isConnected()).isTrue();
            assertThat(port.connections()).isEqualTo(1);
        }
    }

    @Test
    void an_http_url_is_not_sent_in_production() {
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        WebhookResponse response = send(Receiver.http(receiver, "/hooks"));

        assertThat(response).isInstanceOfSatisfying(NotAnswered.class, notAnswered ->
                assertThat(notAnswered.error()).isEqualTo("not sent: the URL must use https"));
        assertThat(Receiver.everythingReceived(receiver)).isEmpty();
    }

    private static WebhookResponse send(URI url) {
        return adapter.sender().send(new WebhookRequest(url, "evt_02", EventType.PING, "{\"type\":\"ping\"}",
                List.of(new SigningSecret("whsec_production"))));
    }
}
