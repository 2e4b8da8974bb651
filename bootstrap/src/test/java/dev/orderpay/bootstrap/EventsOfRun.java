package dev.orderpay.bootstrap;

import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of one test run as the events API shows them: those of the run's orders since it began. The database
 * is shared with the other tests of the JVM, so nothing else would say which events are the run's.
 */
record EventsOfRun(Instant began, Set<String> orderIds) {

    EventsOfRun {
        orderIds = Set.copyOf(orderIds);
    }

    /** The run's events, newest first; {@code filter} adds query parameters, such as {@code &delivery=pending}. */
    List<JsonNode> events(ServiceClient client, String filter) throws IOException, InterruptedException {
        return client.allPages("/events?limit=200&created_from=" + began + filter, "events").stream()
                .filter(event -> event.get("order_id") != null
                        && orderIds.contains(event.get("order_id").getStringValue()))
                .toList();
    }

    List<String> ids(ServiceClient client, String filter) throws IOException, InterruptedException {
        return events(client, filter).stream().map(event -> event.get("id").getStringValue()).toList();
    }

    /** For each order, its events first arrived at the receiver in {@code sequence} order. */
    void assertArrivedInSequence(ServiceClient client, List<String> arrivals) throws IOException, InterruptedException {
        Map<String, Integer> firstArrival = new HashMap<>();
        for (int i = arrivals.size() - 1; i >= 0; i--) {
            firstArrival.put(arrivals.get(i), i);
        }
        Map<String, List<JsonNode>> byOrder = events(client, "").stream()
                .collect(Collectors.groupingBy(event -> event.get("order_id").getStringValue()));
        byOrder.forEach((order, events) -> assertThat(events.stream()
                .sorted(Comparator.comparingLong(event -> event.get("sequence").getLongValue()))
                .map(event -> firstArrival.get(event.get("id").getStringValue())).toList())
                .as("arrivals of order %s's events, by sequence", order).isSorted());
    }

    /** Waits until no event of the run has a webhook still to be delivered (or tried again). */
    void awaitNonePending(ServiceClient client, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        int pending = events(client, "&delivery=pending").size();
        while (pending > 0) {
            assertThat(Instant.now()).as("%d events of the run still pending after %s", pending, patience)
                    .isBefore(deadline);
            Thread.sleep(200);
            pending = events(client, "&delivery=pending").size();
        }
    }
}
