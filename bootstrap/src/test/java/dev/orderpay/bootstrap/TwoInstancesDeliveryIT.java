package dev.orderpay.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged service on one database, each with its own delivery engine polling the same tables,
 * deliver every event of a 500-order run to one endpoint exactly once when nothing crashes. Which instance delivered
 * what is read from each instance's own log, where its delivery job writes a DEBUG line per webhook delivered
 * (naming the delivery): both instances take part, no delivery is in both logs, and together they are every
 * delivery of the run.
 */
class TwoInstancesDeliveryIT {

    private static final int ORDERS = 500;
    /**
     * Every fourth order is cancelled: a second event, to be sent only after the first, by either engine. Through
     * the instance that created it, since each instance's simulator knows only its own checkouts.
     */
    private static final int CANCEL_EVERY = 4;
    private static final int CLIENTS = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Time for a second copy of a webhook to arrive, were one sent beside the one recorded. */
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Pattern DELIVERED = Pattern.compile("Webhook delivery (\\S+) delivered to endpoint (\\S+)");

    private final String receipt = "two instances " + UUID.randomUUID();

    @Test
    void given_two_instances_on_one_database_when_500_orders_are_made_through_both_then_each_event_arrives_once()
            throws Exception {
        Path work = Path.of("target", "two-instances");
        int receiverPort = ServiceProcess.freePort();
        try (WebhookReceiver receiver = WebhookReceiver.startOn(receiverPort);
             ServiceProcess first = ServiceProcess.start(work, environment());
             ServiceProcess second = ServiceProcess.start(work, environment())) {
            List<ServiceClient> instances = List.of(new ServiceClient(first.base(), JsonMapper.createDefault()),
                    new ServiceClient(second.base(), JsonMapper.createDefault()));
            ServiceClient merchant = instances.get(0);
            merchant.deleteWebhookEndpoints();
            String endpoint = merchant.registerWebhookEndpoint(WebhookReceiver.urlAt(receiverPort));
            try {
                Instant began = Instant.now();
                EventsOfRun run = new EventsOfRun(began, makeOrdersThroughBoth(instances));
                run.awaitNonePending(merchant, PATIENCE);
                Thread.sleep(QUIET.toMillis());
                Duration delivered = Duration.between(began, Instant.now());

                List<String> events = run.ids(merchant, "");
                assertThat(events).hasSize(ORDERS + ORDERS / CANCEL_EVERY);
                assertThat(receiver.timesReceived()).as("times each event arrived")
                        .isEqualTo(events.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)));
                run.assertArrivedInSequence(merchant, receiver.eventIds());
                Set<String> deliveries = deliveredOnceEach(merchant, events);
                Set<String> byFirst = deliveriesLogged(first.log(), endpoint);
                Set<String> bySecond = deliveriesLogged(second.log(), endpoint);
                System.out.printf("TwoInstancesDeliveryIT: %d events delivered once each within %d ms of the first"
                                + " order; %d by the first instance, %d by the second%n", events.size(),
                        delivered.toMillis() - QUIET.toMillis(), byFirst.size(), bySecond.size());
                assertThat(byFirst).as("delivered by the first instance").isNotEmpty();
                assertThat(bySecond).as("delivered by the second instance").isNotEmpty()
                        .doesNotContainAnyElementsOf(byFirst);
                Set<String> byEither = new HashSet<>(byFirst);
                byEither.addAll(bySecond);
                assertThat(byEither).isEqualTo(deliveries);
            } finally {
                merchant.deleteWebhookEndpoints();
            }
        }
    }

    private static Map<String, String> environment() {
        // Polls and places enough for a backlog of hundreds to clear within seconds (the defaults keep 4 calls per
        // endpoint in flight): more claims racing for the same rows, which is what this test is about.
        Map<String, String> environment = ServiceProcess.withSimulatorAndWebhooks("50ms");
        environment.put("ORDERPAY_WEBHOOK_ENDPOINT_CONCURRENCY", "8");
        environment.put("ORDERPAY_WEBHOOK_MAX_CONNECTIONS_PER_HOST", "8");
        // Only WebhookDeliveryJob logs at DEBUG in this package: one line per webhook delivered.
        environment.put("LOGGER_LEVELS_DEV_ORDERPAY_BOOTSTRAP", "DEBUG");
        return environment;
    }

    /** Creates the orders through the instances in turn, from several clients at once; answers their ids. */
    private Set<String> makeOrdersThroughBoth(List<ServiceClient> instances) throws Exception {
        Set<String> orders = ConcurrentHashMap.newKeySet();
        List<Callable<Void>> clients = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            int number = i;
            clients.add(() -> {
                String order = instances.get(number % 2).createOrder(1_000 + number, "NOK", receipt);
                orders.add(order);
                if (number % CANCEL_EVERY == 0) {
                    var cancelled = instances.get(number % 2).postJson("/orders/" + order + "/cancel", "");
                    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
                }
                return null;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<Void> client : threads.invokeAll(clients)) {
                client.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return orders;
    }

    /**
     * The service's own record of the events' webhooks: one delivery each, delivered at its first attempt. Answers
     * the deliveries' ids.
     */
    private static Set<String> deliveredOnceEach(ServiceClient merchant, List<String> events) throws Exception {
        Set<String> deliveries = new HashSet<>();
        for (String event : events) {
            JsonNode shown = merchant.json(merchant.get("/events/" + event));
            assertThat(shown.get("deliveries").size()).as("deliveries of " + event).isEqualTo(1);
            JsonNode delivery = shown.get("deliveries").get(0);
            assertThat(delivery.get("state").getStringValue()).as(event).isEqualTo("delivered");
            assertThat(delivery.get("attempts").size()).as("attempts at " + event).isEqualTo(1);
            deliveries.add(delivery.get("id").getStringValue());
        }
        return deliveries;
    }

    private static Set<String> deliveriesLogged(String log, String endpoint) {
        Set<String> deliveries = new HashSet<>();
        Matcher line = DELIVERED.matcher(log);
        while (line.find()) {
            if (line.group(2).equals(endpoint)) {
                assertThat(deliveries.add(line.group(1))).as("logged twice: " + line.group(1)).isTrue();
            }
        }
        return deliveries;
    }
}
