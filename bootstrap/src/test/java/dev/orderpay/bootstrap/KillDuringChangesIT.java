package dev.orderpay.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service (simulator provider) is killed with SIGKILL, as {@code kill -9} does, while merchants and
 * buyers change orders through it, and started again on the same database; twice. Once reconciliation has settled
 * what the kills left open, every order's events tell exactly what the order itself says: its status events are its
 * status history one for one, its sequence has no gap, and its last event shows its status and amounts. A change and
 * its event are stored together or not at all, wherever the kill cut. A webhook endpoint, up throughout, receives
 * every event at least once: kills in the middle of deliveries lose none.
 */
class KillDuringChangesIT {

    private static final int KILLS = 2;
    private static final int CLIENTS = 6;
    /** Each run of the service is killed once its clients have created this many orders through it. */
    private static final int ORDERS_BEFORE_KILL = 40;
    private static final Set<String> UNSETTLED = Set.of("PENDING", "ON_HOLD");
    private static final Set<String> MONEY_EVENTS = Set.of("order.partially_captured", "order.captured",
            "order.partially_refunded", "order.refunded");
    private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(30);

    // Only this run's orders are checked: the database is shared with the other tests of the JVM.
    private final String receipt = "kill-9 " + UUID.randomUUID();

    @Test
    void given_kills_in_the_middle_of_a_stream_of_changes_then_every_orders_events_match_its_history_and_amounts()
            throws Exception {
        Path work = Path.of("target", "kill-run");
        Map<String, String> environment = environment();
        Instant began = Instant.now();
        int receiverPort = ServiceProcess.freePort();
        try (WebhookReceiver receiver = WebhookReceiver.startOn(receiverPort)) {
            killDuringChanges(work, environment, receiverPort);
            try (ServiceProcess service = ServiceProcess.start(work, environment)) {
                ServiceClient client = new ServiceClient(service.base(), JsonMapper.createDefault());
                try {
                    checkAfterTheKills(client, began, receiver);
                } finally {
                    client.deleteWebhookEndpoints();
                }
            }
        }
    }

    private void killDuringChanges(Path work, Map<String, String> environment, int receiverPort) throws Exception {
        for (int kill = 1; kill <= KILLS; kill++) {
            try (ServiceProcess service = ServiceProcess.start(work, environment)) {
                if (kill == 1) {
                    ServiceClient merchant = new ServiceClient(service.base(), JsonMapper.createDefault());
                    merchant.deleteWebhookEndpoints();
                    merchant.registerWebhookEndpoint(WebhookReceiver.urlAt(receiverPort));
                }
                Merchants merchants = Merchants.start(service.base(), receipt, kill);
                merchants.awaitOrdersCreated(ORDERS_BEFORE_KILL);
                service.kill();
                merchants.awaitStopped();
            }
        }
    }

    private void checkAfterTheKills(ServiceClient client, Instant began, WebhookReceiver receiver) throws Exception {
        List<JsonNode> orders = awaitSettled(client);
        Duration settled = Duration.between(began, Instant.now());
        List<String> events = new ArrayList<>();
        for (JsonNode order : orders) {
            events.addAll(checkEvents(client, order));
        }
        EventsOfRun run = new EventsOfRun(began,
                orders.stream().map(order -> order.get("id").getStringValue()).collect(Collectors.toSet()));
        Instant checked = Instant.now();
        run.awaitNonePending(client, DELIVERY_PATIENCE);
        System.out.printf("KillDuringChangesIT: %d kills, %d orders, %d events; settled after %d s, checked "
                        + "after %d s, every webhook delivered %d ms later; orders by status %s, %d with an operation "
                        + "the restarted simulator cannot settle; %d webhooks received%n", KILLS, orders.size(),
                events.size(), settled.toSeconds(), Duration.between(began, checked).toSeconds(),
                Duration.between(checked, Instant.now()).toMillis(),
                orders.stream().collect(Collectors.groupingBy(KillDuringChangesIT::status, TreeMap::new,
                        Collectors.counting())),
                orders.stream().filter(order -> order.get("pending_operation") != null).count(),
                receiver.eventIds().size());
        assertThat(orders).hasSizeGreaterThanOrEqualTo(KILLS * ORDERS_BEFORE_KILL);
        assertThat(receiver.timesReceived().keySet()).as("events received by the endpoint").containsAll(events);
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = ServiceProcess.withSimulatorAndWebhooks("100ms");
        environment.put("ORDERPAY_RECONCILE_INTERVAL", "1s");
        environment.put("ORDERPAY_RECONCILE_AFTER", "1s");
        // A run that claimed orders and was killed holds them for this long; the next instance waits it out.
        environment.put("ORDERPAY_RECONCILE_CLAIM", "2s");
        // A creation the kill cut short is held from reconciliation for as long as opening a checkout may take,
        // which the provider timeouts bound: short ones keep it near the fixed 10 s slack (LongestCheckoutOpening).
        environment.put("DINTERO_CONNECT_TIMEOUT", "100ms");
        environment.put("DINTERO_READ_TIMEOUT", "100ms");
        environment.put("DINTERO_RETRY_ATTEMPTS", "0");
        environment.put("DINTERO_RETRY_MAX_RETRY_AFTER", "0s");
        // A webhook whose call a kill cut is sent again soon after, not once the default claim of 2 min runs out.
        environment.put("ORDERPAY_WEBHOOK_TIMEOUT", "2s");
        environment.put("ORDERPAY_WEBHOOK_CLAIM", "3s");
        return environment;
    }

    /**
     * This run's orders once none awaits an outcome: the simulator forgot every checkout at the restarts, so
     * reconciliation expires the open ones, and fails those whose creation was cut before the checkout opened.
     */
    private List<JsonNode> awaitSettled(ServiceClient client) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            List<JsonNode> orders = ordersOfThisRun(client);
            long unsettled = orders.stream().filter(order -> UNSETTLED.contains(status(order))).count();
            if (unsettled == 0) {
                return orders;
            }
            assertThat(Instant.now()).as("%d orders still unsettled", unsettled).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private List<JsonNode> ordersOfThisRun(ServiceClient client) throws Exception {
        return client.allPages("/orders?limit=200&receipt=" + receipt.replace(" ", "%20"), "orders");
    }

    /** Checks one order's events against the order and its history; answers their ids. */
    private static List<String> checkEvents(ServiceClient client, JsonNode listed) throws Exception {
        String id = listed.get("id").getStringValue();
        JsonNode order = client.order(id, "?include=history");
        List<JsonNode> events = new ArrayList<>();
        client.json(client.get("/orders/" + id + "/events")).get("events").values().forEach(events::add);
        String about = "order " + id + " " + types(events);

        assertThat(events).as(about).isNotEmpty();
        assertThat(events.stream().map(event -> event.get("sequence").getLongValue()).toList()).as(about)
                .isEqualTo(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(type(events.get(0))).as(about).isEqualTo("order.created");

        // Walk the events as a receiver would: a status event moves the order on, a money event keeps the status
        // with other amounts (a capture after a partial refund is order.captured on a PARTIALLY_REFUNDED order),
        // and amounts only grow.
        String statusSoFar = "PENDING";
        List<String> statusEvents = new ArrayList<>();
        JsonNode previous = events.get(0).get("data");
        for (JsonNode event : events.subList(1, events.size())) {
            JsonNode data = event.get("data");
            assertThat(captured(data)).as(about).isGreaterThanOrEqualTo(captured(previous));
            assertThat(refunded(data)).as(about).isGreaterThanOrEqualTo(refunded(previous));
            if (type(event).equals("order.created")) {
                throw new AssertionError("a second order.created: " + about);
            }
            if (!type(event).equals("operation.failed")) {
                String reported = type(event).substring("order.".length()).toUpperCase(Locale.ROOT);
                if (status(data).equals(statusSoFar)) {
                    assertThat(MONEY_EVENTS).as(about).contains(type(event));
                    assertThat(List.of(captured(data), refunded(data))).as("money event without money: " + about)
                            .isNotEqualTo(List.of(captured(previous), refunded(previous)));
                } else {
                    assertThat(status(data)).as(about).isEqualTo(reported);
                    statusEvents.add(reported);
                    statusSoFar = reported;
                }
            }
            previous = data;
        }
        List<String> history = new ArrayList<>();
        order.get("history").values().forEach(change -> history.add(change.get("to").getStringValue()));
        assertThat(statusEvents).as(about).isEqualTo(history);

        JsonNode last = events.get(events.size() - 1).get("data");
        assertThat(status(last)).as(about).isEqualTo(status(order));
        assertThat(captured(last)).as(about).isEqualTo(captured(order));
        assertThat(refunded(last)).as(about).isEqualTo(refunded(order));

        if (order.get("links").size() > 0) {
            assertThat(events.get(0).get("data").get("links").get(0).get("href").getStringValue()).as(about)
                    .isEqualTo(order.get("links").get(0).get("href").getStringValue());
        } else {
            // The kill cut its creation before the checkout opened: reconciliation failed it.
            assertThat(types(events)).as(about).containsExactly("order.created", "order.failed");
        }
        return events.stream().map(event -> event.get("id").getStringValue()).toList();
    }

    private static String type(JsonNode event) {
        return event.get("type").getStringValue();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(KillDuringChangesIT::type).toList();
    }

    private static String status(JsonNode order) {
        return order.get("status").getStringValue();
    }

    private static long captured(JsonNode order) {
        return order.get("captured_amount").getLongValue();
    }

    private static long refunded(JsonNode order) {
        return order.get("refunded_amount").getLongValue();
    }

    /**
     * Merchants and their buyers, each on a thread of its own, creating orders and taking them through the
     * simulator's checkout, captures in parts, refunds in parts and cancellations, until the service goes away.
     */
    private static final class Merchants {

        private final ServiceClient merchant;
        private final HttpClient buyer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String receipt;
        private final AtomicInteger created = new AtomicInteger();
        private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        private Merchants(URI base, String receipt) {
            this.merchant = new ServiceClient(base, JsonMapper.createDefault());
            this.receipt = receipt;
        }

        static Merchants start(URI base, String receipt, int round) {
            Merchants merchants = new Merchants(base, receipt);
            for (int i = 0; i < CLIENTS; i++) {
                Random random = new Random(round * 100L + i);
                Thread thread = new Thread(() -> merchants.changeOrdersUntilTheServiceIsGone(random),
                        "merchant-" + round + "-" + i);
                merchants.threads.add(thread);
                thread.start();
            }
            return merchants;
        }

        void awaitOrdersCreated(int count) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(60);
            while (created.get() < count && failures.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(failures).as("what the clients met before the kill").isEmpty();
            assertThat(created.get()).as("orders created before the kill").isGreaterThanOrEqualTo(count);
        }

        void awaitStopped() throws InterruptedException {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(30).toMillis());
                assertThat(thread.isAlive()).as(thread.getName() + " still running").isFalse();
            }
            assertThat(failures).as("what the clients met").isEmpty();
        }

        private void changeOrdersUntilTheServiceIsGone(Random random) {
            // Bounded, should the kill never come.
            Instant deadline = Instant.now().plusSeconds(90);
            try {
                while (Instant.now().isBefore(deadline)) {
                    oneOrder(random);
                }
            } catch (IOException serviceGone) {
                // The kill: this client's run is over.
            } catch (Throwable failure) {
                failures.add(failure);
            }
        }

        private void oneOrder(Random random) throws IOException, InterruptedException {
            long amount = 300L * (3 + random.nextInt(30));
            HttpResponse<String> answer = merchant.postJson("/orders",
                    "{\"amount\": %d, \"currency\": \"NOK\", \"receipt\": \"%s\"}".formatted(amount, receipt));
            expect(answer, 201);
            created.incrementAndGet();
            JsonNode order = merchant.json(answer);
            String id = order.get("id").getStringValue();
            String checkout = order.get("links").get(0).get("href").getStringValue();
            int fate = random.nextInt(10);
            if (fate == 0) {
                return; // the buyer never pays
            }
            if (fate == 1) {
                buyerChooses(checkout, "decline");
                return;
            }
            if (fate == 2) {
                operate(id, "cancel", "");
                return;
            }
            buyerChooses(checkout, "pay");
            if (fate == 3) {
                operate(id, "cancel", "");
                return;
            }
            long third = amount / 3;
            if (fate == 6) {
                // The rest of the authorization is captured after a part of the first capture was refunded.
                operate(id, "capture", "{\"amount\": " + third + "}");
                operate(id, "refund", "{\"amount\": " + third / 2 + "}");
                operate(id, "capture", "");
                operate(id, "refund", "");
                return;
            }
            for (int part = 0; part < 3; part++) {
                operate(id, "capture", "{\"amount\": " + third + "}");
            }
            if (fate >= 7) {
                return;
            }
            for (int part = 0; part < (fate == 4 ? 1 : 3); part++) {
                operate(id, "refund", "{\"amount\": " + third + "}");
            }
        }

        /** On the simulator's checkout page, then back to the order's return page as the browser is sent. */
        private void buyerChooses(String checkout, String choice) throws IOException, InterruptedException {
            HttpResponse<String> chosen = buyer.send(HttpRequest.newBuilder(URI.create(checkout + "/" + choice))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            expect(chosen, 303);
            URI returnPage = URI.create(chosen.headers().firstValue("Location").orElseThrow());
            expect(merchant.get(returnPage.getRawPath() + "?" + returnPage.getRawQuery(), "Accept", "text/html"),
                    200);
        }

        /**
         * A capture, refund or cancel. Reconciliation runs alongside and may take the order first (409 changed
         * concurrently), or let go of an operation it found unfinished: a refusal is an answer too.
         */
        private void operate(String id, String operation, String body) throws IOException, InterruptedException {
            expect(merchant.postJson("/orders/" + id + "/" + operation, body), 200, 202, 409);
        }

        private static void expect(HttpResponse<String> answer, int... statuses) {
            for (int status : statuses) {
                if (answer.statusCode() == status) {
                    return;
                }
            }
            throw new AssertionError(answer.request().method() + " " + answer.uri() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
    }
}
