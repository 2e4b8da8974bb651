package dev.orderpay.adapter.rest;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that stall while sending a request, or sit idle between requests, are closed; a request whose handler
 * takes long is not. Micronaut's own idle timeout is off, as in production.
 */
@MicronautTest
@Property(name = "orderpay.request-read-timeout", value = "1s")
@Property(name = "orderpay.keep-alive-timeout", value = "3s")
class ConnectionDeadlinesHttpTest {

    private static final Duration REQUEST_READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(3);
    // Timers never fire early, but they start when the server reads the first byte, which on a busy machine (or on a
    // connection the server is the first to accept) can be a good while after the test sent it.
    private static final Duration EARLY = Duration.ofMillis(200);
    private static final Duration LATE = Duration.ofSeconds(1);
    private static final Duration CLOSE_BOUND = KEEP_ALIVE_TIMEOUT.plusSeconds(2);

    @Inject
    EmbeddedServer server;
    @Inject
    RecordingPaymentGateway gateway;
    @Inject
    JsonMapper json;

    @Test
    void given_a_request_line_and_half_the_headers_then_nothing_then_the_connection_is_closed_at_the_read_timeout()
            throws IOException {
        try (RawHttpConnection connection = RawHttpConnection.to(server)) {
            connection.send("GET /orders HTTP/1.1\r\nHost: localhost\r\nAuthor");

            assertClosedAround(connection, REQUEST_READ_TIMEOUT);
        }
    }

    @Test
    void given_headers_promising_100_bytes_and_only_10_sent_then_the_connection_is_closed_at_the_read_timeout()
            throws IOException {
        try (RawHttpConnection connection = RawHttpConnection.to(server)) {
            connection.send(head("POST", "/orders", 100) + "0123456789");

            assertClosedAround(connection, REQUEST_READ_TIMEOUT);
        }
    }

    @Test
    void given_a_request_trickled_byte_by_byte_then_it_is_closed_at_the_read_timeout_from_its_first_byte()
            throws IOException {
        String request = head("GET", "/orders", 0);
        try (RawHttpConnection connection = RawHttpConnection.to(server)) {
            long start = System.nanoTime();
            int sent = 0;
            do {
                connection.send(request.substring(sent, sent + 1));
                sent++;
            } while (sent < request.length() && connection.staysOpenFor(Duration.ofMillis(100)));

            assertThat(sent).as("bytes sent before the server closed").isLessThan(request.length());
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(REQUEST_READ_TIMEOUT.minus(EARLY), REQUEST_READ_TIMEOUT.plus(LATE));
        }
    }

    @Test
    void given_an_answered_request_then_the_idle_connection_stays_open_until_the_keep_alive_timeout_and_then_closes()
            throws IOException {
        try (RawHttpConnection connection = RawHttpConnection.to(server)) {
            connection.send(head("GET", "/orders", 0));
            assertThat(connection.readResponse(CLOSE_BOUND).status()).isEqualTo(200);

            assertClosedAround(connection, KEEP_ALIVE_TIMEOUT);
        }
    }

    @Test
    void given_a_create_waiting_on_the_provider_longer_than_both_timeouts_then_its_response_arrives_in_full()
            throws Exception {
        Duration providerDelay = KEEP_ALIVE_TIMEOUT.plus(REQUEST_READ_TIMEOUT);
        try (RawHttpConnection connection = RawHttpConnection.to(server)) {
            gateway.holdCheckouts();
            try {
                connection.send(createOrder());
                gateway.awaitHeldCheckout();

                assertThat(connection.staysOpenFor(providerDelay)).as("open while the provider is slow").isTrue();
            } finally {
                gateway.releaseCheckouts();
            }

            RawHttpConnection.Response created = connection.readResponse(CLOSE_BOUND);
            assertThat(created.status()).isEqualTo(201);
            assertThat(json.readValue(created.body(), Map.class)).containsKey("id");
            // The connection is watched all along: once answered, the keep-alive timeout applies again.
            assertClosedAround(connection, KEEP_ALIVE_TIMEOUT);
        }
    }

    @Test
    void given_a_request_pipelined_behind_a_slow_create_then_both_are_answered_before_the_keep_alive_timeout_starts()
            throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.to(server)) {
            gateway.holdCheckouts();
            try {
                connection.send(createOrder() + head("GET", "/orders", 0));
                gateway.awaitHeldCheckout();

                assertThat(connection.staysOpenFor(KEEP_ALIVE_TIMEOUT.plus(LATE))).isTrue();
            } finally {
                gateway.releaseCheckouts();
            }

            assertThat(connection.readResponse(CLOSE_BOUND).status()).isEqualTo(201);
            assertThat(connection.readResponse(CLOSE_BOUND).status()).isEqualTo(200);
            assertClosedAround(connection, KEEP_ALIVE_TIMEOUT);
        }
    }

    /** Closed by the server once the timeout has passed: not before it, and not much after. */
    private static void assertClosedAround(RawHttpConnection connection, Duration timeout) throws IOException {
        assertThat(connection.timeUntilClosed(CLOSE_BOUND)).isBetween(timeout.minus(EARLY), timeout.plus(LATE));
    }

    private String createOrder() throws IOException {
        String body = json.writeValueAsString(Map.of("amount", 29900, "currency", "NOK", "receipt", "slow provider"));
        return head("POST", "/orders", body.length()) + body;
    }

    private static String head(String method, String path, int contentLength) {
        return method + " " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + Api.MERCHANT_KEY + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n"
                + "\r\n";
    }
}
