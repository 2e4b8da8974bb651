package dev.orderpay.bootstrap;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A merchant's webhook receiver on loopback, a real HTTP server (WireMock) that takes every webhook with {@code 200}
 * and keeps the {@code Orderpay-Event-Id} of each, in the order they arrived. It is started on a port named
 * beforehand, so that a test can register its {@link #urlAt(int) URL} while nothing listens there yet.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final String PATH = "/webhooks";

    private final WireMockServer server;

    private WebhookReceiver(WireMockServer server) {
        this.server = server;
    }

    static WebhookReceiver startOn(int port) {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port));
        server.start();
        server.stubFor(post(PATH).willReturn(ok()));
        return new WebhookReceiver(server);
    }

    /** Where the receiver on this port takes webhooks, whether it runs yet or not. */
    static String urlAt(int port) {
        return "http://127.0.0.1:" + port + PATH;
    }

    /** One id per webhook received, in the order they arrived; a repeated delivery appears again. */
    List<String> eventIds() {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH))).stream()
                .map(request -> request.getHeader("Orderpay-Event-Id")).toList();
    }

    /** How many times each event arrived. */
    Map<String, Long> timesReceived() {
        return eventIds().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop();
    }
}
