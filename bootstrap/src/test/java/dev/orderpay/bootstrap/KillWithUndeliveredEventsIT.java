package dev.orderpay.bootstrap;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged service is killed with SIGKILL, as {@code kill -9} does, while the webhooks of its events are still
 * being retried because the merchant's receiver is down (nothing listens on its port). The receiver comes up, the
 * service is started again on the same database, and every event of the run arrives, each order's in sequence: the
 * deliveries were stored with the events, not held in the memory the kill took away.
 */
class KillWithUndeliveredEventsIT {

    private static final int ORDERS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String receipt = "undelivered " + UUID.randomUUID();

    @Test
    void given_a_kill_while_the_receiver_is_down_when_it_is_up_and_the_service_restarted_then_every_event_arrives()
            throws Exception {
        Path work = Path.of("target", "kill-undelivered");
        int receiverPort = ServiceProcess.freePort();
        EventsOfRun run;
        String endpoint;
        try (ServiceProcess service = ServiceProcess.start(work, environment())) {
            ServiceClient merchant = new ServiceClient(service.base(), JsonMapper.createDefault());
            merchant.deleteWebhookEndpoints();
            endpoint = merchant.registerWebhookEndpoint(WebhookReceiver.urlAt(receiverPort));
            run = new EventsOfRun(Instant.now(), makeOrders(merchant));

            awaitEveryOrdersFirstEventTriedAndFailed(merchant, run);
            assertThat(run.events(merchant, "&delivery=pending")).as("pending when the service is killed")
                    .hasSize(ORDERS + ORDERS / 2);
            service.kill();
        }

        try (WebhookReceiver receiver = WebhookReceiver.startOn(receiverPort);
             ServiceProcess service = ServiceProcess.start(work, environment())) {
            ServiceClient merchant = new ServiceClient(service.base(), JsonMapper.createDefault());
            try {
                Instant restarted = Instant.now();
                run.awaitNonePending(merchant, PATIENCE);
                System.out.printf("KillWithUndeliveredEventsIT: %d webhooks received, the last of the run's %d events"
                                + " delivered %d ms after the restart%n", receiver.eventIds().size(),
                        ORDERS + ORDERS / 2, Duration.between(restarted, Instant.now()).toMillis());

                List<String> events = run.ids(merchant, "");
                assertThat(events).hasSize(ORDERS + ORDERS / 2);
                assertThat(receiver.timesReceived().keySet()).as("events received").containsAll(events);
                run.assertArrivedInSequence(merchant, receiver.eventIds());
                assertThat(run.ids(merchant, "&delivery=delivered")).containsExactlyInAnyOrderElementsOf(events);
                for (String event : events) {
                    JsonNode delivery = merchant.json(merchant.get("/events/" + event)).get("deliveries").get(0);
                    assertThat(delivery.get("endpoint_id").getStringValue()).isEqualTo(endpoint);
                    List<JsonNode> attempts = new ArrayList<>();
                    delivery.get("attempts").values().forEach(attempts::add);
                    assertThat(attempts.get(attempts.size() - 1).get("status_code").getIntValue()).as(event)
                            .isEqualTo(200);
                }
            } finally {
                merchant.deleteWebhookEndpoints();
            }
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = ServiceProcess.withSimulatorAndWebhooks("100ms");
        // Retries a second or two apart at first, going on for minutes: longer than the kill and the restart take.
        environment.put("ORDERPAY_WEBHOOK_RETRY_SCHEDULE", "1s,1s,2s,2s,5s,5s,10s,10s,30s,60s,60s");
        // A delivery the kill caught in its call is taken up again soon after the restart.
        environment.put("ORDERPAY_WEBHOOK_TIMEOUT", "2s");
        environment.put("ORDERPAY_WEBHOOK_CLAIM", "3s");
        return environment;
    }

    /** Creates the orders and cancels every second one: two events for that order, the second behind the first. */
    private Set<String> makeOrders(ServiceClient merchant) throws Exception {
        Set<String> orders = new HashSet<>();
        for (int i = 0; i < ORDERS; i++) {
            String order = merchant.createOrder(2_000 + i, "NOK", receipt);
            orders.add(order);
            if (i % 2 == 0) {
                HttpResponse<String> cancelled = merchant.postJson("/orders/" + order + "/cancel", "");
                assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            }
        }
        return orders;
    }

    /** The engine is at work on the run when it is killed: each order's first webhook has failed at least once. */
    private static void awaitEveryOrdersFirstEventTriedAndFailed(ServiceClient merchant, EventsOfRun run)
            throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        for (JsonNode event : run.events(merchant, "&type=order.created")) {
            String id = event.get("id").getStringValue();
            JsonNode attempts = merchant.json(merchant.get("/events/" + id)).get("deliveries").get(0).get("attempts");
            while (attempts.size() == 0) {
                assertThat(Instant.now()).as("no attempt at " + id).isBefore(deadline);
                Thread.sleep(100);
                attempts = merchant.json(merchant.get("/events/" + id)).get("deliveries").get(0).get("attempts");
            }
            assertThat(attempts.get(0).get("error").getStringValue()).as(id).contains("could not connect");
        }
    }
}
