package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.event.AttemptResult;
import dev.orderpay.application.port.out.webhook.AttemptRecord;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.DeliveryState;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery side of the events API: an event's deliveries and attempts, the delivery filter, redelivery. */
@MicronautTest
class EventDeliveriesHttpTest {

    // Later than any time the test clock reaches: every delivery is due.
    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    @Inject
    Api api;
    @Inject
    OrdersOverHttp ordersOverHttp;
    @Inject
    InMemoryWebhookEndpoints endpoints;
    @Inject
    InMemoryWebhookDeliveries deliveries;

    @BeforeEach
    void noEndpoints() {
        endpoints.findAll().forEach(endpoint -> endpoints.delete(endpoint.id()));
    }

    @Test
    void given_an_event_and_an_attempt_when_read_then_its_deliveries_show_beside_the_payload() {
        WebhookEndpoint endpoint = endpoint(TestWebhookEndpoints.anEndpoint());
        Order order = ordersOverHttp.pending();
        String eventId = eventIds(order).get(0);
        DueDelivery due = deliveries.claimDue(LATER, LATER.plusSeconds(60), 10, 10).get(0);
        deliveries.record(due.id(), new AttemptRecord(Instant.parse("2026-03-08T14:00:00.123456Z"),
                Duration.ofMillis(87), new AttemptResult.Answered(503, "down for maintenance"), DeliveryState.PENDING,
                Optional.of(Instant.parse("2026-03-08T14:01:00.123456Z"))));

        Api.Reply reply = api.get("/events/" + eventId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("id", eventId).containsEntry("type", "order.created")
                .containsKey("data");
        assertThat(reply.list("deliveries")).singleElement().satisfies(delivery -> {
            assertThat(delivery).containsEntry("id", due.id().toString())
                    .containsEntry("endpoint_id", endpoint.id().toString())
                    .containsEntry("state", "pending")
                    .containsEntry("next_attempt_at", "2026-03-08T14:01:00.123456Z")
                    .containsKey("created_at");
            assertThat((List<?>) delivery.get("attempts")).singleElement().isEqualTo(Map.of(
                    "number", 1,
                    "attempted_at", "2026-03-08T14:00:00.123456Z",
                    "status_code", 503,
                    "response_excerpt", "down for maintenance",
                    "latency_ms", 87,
                    "next_attempt_at", "2026-03-08T14:01:00.123456Z"));
        });
    }

    @Test
    void given_no_answer_when_read_then_the_attempt_shows_the_error_and_no_status() {
        endpoint(TestWebhookEndpoints.anEndpoint());
        Order order = ordersOverHttp.pending();
        DueDelivery due = deliveries.claimDue(LATER, LATER.plusSeconds(60), 10, 10).get(0);
        deliveries.record(due.id(), new AttemptRecord(LATER, Duration.ofSeconds(10),
                new AttemptResult.NotAnswered("no answer within 10 seconds"), DeliveryState.FAILED,
                Optional.empty()));

        Map<String, Object> delivery = api.get("/events/" + eventIds(order).get(0)).list("deliveries").get(0);

        assertThat(delivery).containsEntry("state", "failed").doesNotContainKey("next_attempt_at");
        assertThat((List<?>) delivery.get("attempts")).singleElement().isEqualTo(Map.of(
                "number", 1, "attempted_at", "2100-01-01T00:00:00Z", "error", "no answer within 10 seconds",
                "latency_ms", 10_000));
    }

    @Test
    void given_events_in_each_standing_when_filtered_by_delivery_then_each_shows_where_it_belongs() {
        endpoint(TestWebhookEndpoints.anEndpoint());
        String delivered = eventIds(ordersOverHttp.pending()).get(0);
        String failed = eventIds(ordersOverHttp.pending()).get(0);
        String pending = eventIds(ordersOverHttp.pending()).get(0);
        String failedToo = eventIds(ordersOverHttp.pending()).get(0);
        for (DueDelivery due : deliveries.claimDue(LATER, LATER.plusSeconds(60), 10, 10)) {
            String event = due.event().id().toString();
            if (event.equals(delivered)) {
                deliveries.record(due.id(), new AttemptRecord(LATER, Duration.ofMillis(5),
                        new AttemptResult.Answered(204, ""), DeliveryState.DELIVERED, Optional.empty()));
            } else if (event.equals(failed) || event.equals(failedToo)) {
                deliveries.record(due.id(), new AttemptRecord(LATER, Duration.ofMillis(5),
                        new AttemptResult.Answered(410, "gone"), DeliveryState.FAILED, Optional.empty()));
            }
        }

        assertThat(ids(api.get("/events?delivery=delivered&limit=200"))).contains(delivered)
                .doesNotContain(failed, pending);
        assertThat(ids(api.get("/events?delivery=failed&limit=200"))).contains(failed, failedToo)
                .doesNotContain(delivered, pending);
        assertThat(ids(api.get("/events?delivery=pending&limit=200"))).contains(pending)
                .doesNotContain(delivered, failed);
        Api.Reply page = api.get("/events?delivery=failed&limit=1");
        assertThat(page.list("links")).singleElement().satisfies(link ->
                assertThat((String) link.get("href")).contains("delivery=failed"));
    }

    @Test
    void given_a_delivery_filter_that_is_not_one_when_listed_then_400_names_it() {
        Api.Reply reply = api.get("/events?delivery=lost");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("delivery");
    }

    @Test
    void given_no_body_when_redelivered_then_202_with_a_new_delivery_to_every_enabled_endpoint_for_the_type() {
        WebhookEndpoint everything = endpoint(TestWebhookEndpoints.anEndpoint());
        endpoint(TestWebhookEndpoints.anEndpoint().subscribedTo(EventType.ORDER_CAPTURED));
        String eventId = eventIds(ordersOverHttp.pending()).get(0);

        Api.Reply reply = api.send(HttpRequest.POST("/events/" + eventId + "/redeliver", ""));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.list("deliveries")).singleElement().satisfies(delivery -> {
            assertThat(delivery).containsEntry("endpoint_id", everything.id().toString())
                    .containsEntry("state", "pending").containsEntry("attempts", List.of())
                    .containsKey("next_attempt_at");
        });
        assertThat(api.get("/events/" + eventId).list("deliveries")).hasSize(2);
    }

    @Test
    void given_an_endpoint_named_when_redelivered_then_only_it_gets_one_whatever_it_subscribes_to() {
        endpoint(TestWebhookEndpoints.anEndpoint());
        WebhookEndpoint captures = endpoint(TestWebhookEndpoints.anEndpoint().subscribedTo(EventType.ORDER_CAPTURED));
        String eventId = eventIds(ordersOverHttp.pending()).get(0);

        Api.Reply reply = api.postJson("/events/" + eventId + "/redeliver",
                "{\"endpoint_id\": \"" + captures.id() + "\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.list("deliveries")).extracting(delivery -> delivery.get("endpoint_id"))
                .containsExactly(captures.id().toString());
    }

    @Test
    void given_a_bad_endpoint_id_when_redelivered_then_400_names_it_and_nothing_is_made() {
        String eventId = eventIds(ordersOverHttp.pending()).get(0);

        Api.Reply unknown = api.postJson("/events/" + eventId + "/redeliver",
                "{\"endpoint_id\": \"" + UUID.randomUUID() + "\"}");
        Api.Reply notAnId = api.postJson("/events/" + eventId + "/redeliver", "{\"endpoint_id\": \"42\"}");
        Api.Reply unknownField = api.postJson("/events/" + eventId + "/redeliver", "{\"endpoint\": \"42\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(unknown.errorFields()).containsExactly("endpoint_id");
        assertThat(notAnId.errorFields()).containsExactly("endpoint_id");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(api.get("/events/" + eventId).list("deliveries")).isEmpty();
    }

    @Test
    void given_a_disabled_endpoint_named_when_redelivered_then_409_and_nothing_is_made() {
        WebhookEndpoint disabled = endpoint(TestWebhookEndpoints.anEndpoint());
        String eventId = eventIds(ordersOverHttp.pending()).get(0);
        endpoints.disable(disabled.id(), "Disabled through the API.", LATER);

        Api.Reply reply = api.postJson("/events/" + eventId + "/redeliver",
                "{\"endpoint_id\": \"" + disabled.id() + "\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json()).containsEntry("code", "webhook_endpoint_disabled");
        assertThat(api.get("/events/" + eventId).list("deliveries")).hasSize(1);
    }

    @Test
    void given_no_such_event_when_redelivered_then_404() {
        assertThat(api.send(HttpRequest.POST("/events/" + UUID.randomUUID() + "/redeliver", "")).json())
                .containsEntry("code", "event_not_found");
        assertThat(api.send(HttpRequest.POST("/events/not-an-id/redeliver", "")).status()).isEqualTo(404);
    }

    private WebhookEndpoint endpoint(TestWebhookEndpoints.Builder builder) {
        WebhookEndpoint endpoint = builder.build();
        endpoints.addWithinLimit(endpoint, UseCasesForTests.MAX_WEBHOOK_ENDPOINTS);
        return endpoint;
    }

    private List<String> eventIds(Order order) {
        return api.get("/orders/" + order.id() + "/events").list("events").stream()
                .map(event -> (String) event.get("id")).toList();
    }

    private static List<String> ids(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list("events").stream().map(event -> (String) event.get("id")).toList();
    }
}
