package dev.orderpay.bootstrap;

import dev.orderpay.adapter.dintero.DinteroSandbox;
import dev.orderpay.adapter.persistence.PostgresTestDatabase;
import dev.orderpay.bootstrap.OneShotHttp.Answered;
import dev.orderpay.bootstrap.OneShotHttp.Cut;
import dev.orderpay.bootstrap.OneShotHttp.Exchange;
import dev.orderpay.bootstrap.OneShotHttp.Refused;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service stopped as a platform stops it, with SIGTERM.
 * <p>
 * Under load: clients keep creating orders, each waiting some seconds for a slow Dintero, and reading orders, each on
 * a connection of its own, when the service gets SIGTERM. Every request sent before the signal is answered in full,
 * those waiting on Dintero included; no answer is cut short; the service exits well within its grace.
 * {@link OneShotHttp} tells what happens to requests sent after the signal: once the listener is closed, the
 * connection is refused ({@code connect} fails: nothing listens, the request never left the client, which may retry
 * it elsewhere). No request is reset: a connection the service accepted just before its listener closed is served
 * too ({@code ShutdownSequence}).
 * <p>
 * Claims: an instance stopped while it holds orders claimed for reconciliation and a webhook delivery whose call hangs
 * lets go of both, so that the database shows them free right after it exited, not once the claims ran out.
 */
class GracefulShutdownIT {

    private static final Duration DINTERO_SLOWNESS = Duration.ofSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int CREATORS = 4;
    private static final int READERS = 4;

    @RegisterExtension
    static final DinteroSandbox dintero = DinteroSandbox.forTheService().grantingTokens()
            .openingSessionsForEveryOrderAfter(DINTERO_SLOWNESS);

    @Test
    void given_clients_sending_when_the_service_gets_sigterm_then_requests_sent_before_are_answered_and_none_is_cut()
            throws Exception {
        Map<String, String> environment = ServiceProcess.onTheTestDatabase();
        dintero.serviceProperties().forEach((property, value) -> environment.put(
                property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        environment.put("ORDERPAY_SHUTDOWN_GRACE", GRACE.toSeconds() + "s");
        try (ServiceProcess service = ServiceProcess.start(Path.of("target", "graceful-run"), environment)) {
            Clients clients = Clients.start(service.base().getPort());
            awaitSessionRequests(CREATORS);

            Instant signalled = Instant.now();
            Duration toExit = service.terminate(GRACE.plusSeconds(10));
            List<Exchange> exchanges = clients.awaitStopped();

            List<Exchange> sentBefore = exchanges.stream().filter(exchange -> exchange.sentAt().isBefore(signalled))
                    .toList();
            List<Exchange> inFlight = sentBefore.stream().filter(exchange -> exchange.endedAt().isAfter(signalled))
                    .toList();
            Instant firstRefused = exchanges.stream().filter(exchange -> exchange.outcome() instanceof Refused)
                    .map(Exchange::sentAt).min(Comparator.naturalOrder()).orElseThrow();
            System.out.printf("GracefulShutdownIT: %d requests, %d sent before SIGTERM (%d still in flight then), "
                            + "%d refused after it, first %d ms after it; exited %d ms after SIGTERM%n",
                    exchanges.size(), sentBefore.size(), inFlight.size(),
                    exchanges.stream().filter(exchange -> exchange.outcome() instanceof Refused).count(),
                    Duration.between(signalled, firstRefused).toMillis(), toExit.toMillis());
            assertThat(exchanges).as("requests cut").filteredOn(exchange -> exchange.outcome() instanceof Cut)
                    .isEmpty();
            assertThat(sentBefore).as("requests sent before SIGTERM").allSatisfy(exchange ->
                    assertThat(exchange.outcome()).isInstanceOfSatisfying(Answered.class, answered ->
                            assertThat(answered.status()).isBetween(200, 299)));
            assertThat(inFlight).as("creations waiting on Dintero at SIGTERM")
                    .filteredOn(exchange -> exchange.request().startsWith("POST"))
                    .hasSizeGreaterThanOrEqualTo(CREATORS)
                    .allSatisfy(exchange -> assertThat(((Answered) exchange.outcome()).body()).contains("session_link"));
            assertThat(toExit).isLessThan(GRACE);
        }
    }

    @Test
    void given_claims_held_when_the_service_gets_sigterm_then_the_database_shows_them_free_right_after_it_exited()
            throws Exception {
        Map<String, String> environment = ServiceProcess.withSimulatorAndWebhooks("100ms");
        environment.put("ORDERPAY_RECONCILE_INTERVAL", "1s");
        environment.put("ORDERPAY_RECONCILE_AFTER", "1s");
        // Claims that would outlast the test by far, were they not let go.
        environment.put("ORDERPAY_RECONCILE_CLAIM", "10m");
        environment.put("ORDERPAY_WEBHOOK_CLAIM", "10m");
        // The receiver never answers: its call is still under way when the grace runs out.
        environment.put("ORDERPAY_WEBHOOK_TIMEOUT", "5m");
        environment.put("ORDERPAY_SHUTDOWN_GRACE", "2s");
        try (SilentReceiver receiver = new SilentReceiver();
             ServiceProcess service = ServiceProcess.start(Path.of("target", "graceful-claims-run"), environment)) {
            ServiceClient merchant = new ServiceClient(service.base(), JsonMapper.createDefault());
            merchant.deleteWebhookEndpoints();
            String endpoint = merchant.registerWebhookEndpoint(receiver.url());
            List<UUID> orders = List.of(
                    UUID.fromString(merchant.createOrder(1000, "NOK", "claimed at SIGTERM " + UUID.randomUUID())),
                    UUID.fromString(merchant.createOrder(2000, "NOK", "claimed at SIGTERM " + UUID.randomUUID())));
            try {
                awaitClaimed(orders);

                service.terminate(Duration.ofSeconds(30));

                Instant exited = Instant.now();
                assertThat(reconcileClaims(orders)).as("orders' reconciliation claims").containsOnlyNulls()
                        .hasSize(orders.size());
                assertThat(deliveryClaims(orders)).as("webhook deliveries' claims").allSatisfy(until ->
                        assertThat(until == null || !until.isAfter(exited)).isTrue()).hasSize(orders.size());
                assertThat(service.log()).containsPattern("Let go of \\d+ orders claimed for reconciliation")
                        .containsPattern("Let go of \\d+ webhook deliveries claimed but not sent");
            } finally {
                // The service is gone; the endpoint must not receive the events of the tests after this one.
                deleteEndpoint(endpoint);
            }
        }
    }

    private static void awaitSessionRequests(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (dintero.wireMock().findAll(postRequestedFor(urlEqualTo(DinteroSandbox.SESSION_PATH))).size() < count) {
            assertThat(Instant.now()).as("Dintero never saw %d session requests", count).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** Until reconciliation holds both orders and the delivery job both orders' first deliveries. */
    private static void awaitClaimed(List<UUID> orders) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Instant now = Instant.now();
            List<Instant> claims = new ArrayList<>(reconcileClaims(orders));
            claims.addAll(deliveryClaims(orders));
            if (claims.size() == 2 * orders.size() && claims.stream().allMatch(until -> until != null
                    && until.isAfter(now.plusSeconds(60)))) {
                return;
            }
            assertThat(now).as("the orders and their deliveries were never all claimed: %s", claims)
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void deleteEndpoint(String id) throws Exception {
        try (Connection database = PostgresTestDatabase.openConnection();
             PreparedStatement delete = database.prepareStatement("DELETE FROM webhook_endpoints WHERE id = ?")) {
            delete.setObject(1, UUID.fromString(id));
            delete.executeUpdate();
        }
    }

    private static List<Instant> reconcileClaims(Collection<UUID> orders) throws Exception {
        return claims("SELECT reconcile_claimed_until FROM orders WHERE id = ANY (?)", orders);
    }

    private static List<Instant> deliveryClaims(Collection<UUID> orders) throws Exception {
        return claims("SELECT claimed_until FROM webhook_deliveries WHERE order_id = ANY (?)", orders);
    }

    private static List<Instant> claims(String query, Collection<UUID> orders) throws Exception {
        try (Connection database = PostgresTestDatabase.openConnection();
             PreparedStatement statement = database.prepareStatement(query)) {
            statement.setArray(1, database.createArrayOf("uuid", orders.toArray()));
            List<Instant> claims = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Timestamp until = rows.getTimestamp(1);
                    claims.add(until == null ? null : until.toInstant());
                }
            }
            return claims;
        }
    }

    /**
     * Merchants creating orders and reading them, each on its own thread and each request on a connection of its
     * own, until the service refuses their connection.
     */
    private static final class Clients {

        private final Collection<Exchange> exchanges = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        static Clients start(int port) {
            Clients clients = new Clients();
            for (int i = 0; i < CREATORS; i++) {
                clients.run("creator-" + i, () -> OneShotHttp.postJson(port, "/orders", ServiceClient.API_KEY,
                        "{\"amount\": 29900, \"currency\": \"NOK\", \"receipt\": \"in flight at SIGTERM\"}"));
            }
            for (int i = 0; i < READERS; i++) {
                clients.run("reader-" + i, () -> OneShotHttp.get(port, "/orders?limit=5", ServiceClient.API_KEY));
            }
            return clients;
        }

        private void run(String name, Supplier<Exchange> request) {
            Thread thread = new Thread(() -> {
                Exchange exchange;
                do {
                    exchange = request.get();
                    exchanges.add(exchange);
                    pause();
                } while (!(exchange.outcome() instanceof Refused));
            }, name);
            threads.add(thread);
            thread.start();
        }

        /** A few milliseconds between requests, so the readers leave the two cores to the service. */
        private static void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        List<Exchange> awaitStopped() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(60).toMillis());
            }
            return List.copyOf(exchanges);
        }
    }

    /** A webhook receiver on loopback that accepts every connection and never answers. */
    private static final class SilentReceiver implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentReceiver() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hooks";
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
