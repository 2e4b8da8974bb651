package dev.orderpay.adapter.rest;

import dev.orderpay.application.port.in.order.OrderFilter;
import dev.orderpay.application.port.out.FakePaymentGateway;
import dev.orderpay.application.port.out.InMemoryOrderRepository;
import dev.orderpay.application.port.out.webhook.DueDelivery;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookDeliveries;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.webhook.CallbackUrl;
import dev.orderpay.domain.webhook.TestWebhookEndpoints;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code callback_url} on {@code POST /orders}, with a callback signing secret configured: shown with the order and
 * its events, delivered to like an endpoint, and refused naming the field when webhooks may not go there. (Without a
 * secret it is refused: {@link CreateOrderHttpTest}.)
 */
@MicronautTest
@Property(name = "orderpay.callback-signing-secret", value = "a-callback-secret-of-at-least-32-characters")
class OrderCallbackUrlHttpTest {

    private static final String CALLBACK = "https://shop.example.test/orderpay/callback?token=t1";
    // Later than any time the test clock reaches: every delivery is due.
    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    @Inject
    Api api;
    @Inject
    InMemoryOrderRepository orders;
    @Inject
    FakePaymentGateway gateway;
    @Inject
    InMemoryWebhookEndpoints endpoints;
    @Inject
    InMemoryWebhookDeliveries deliveries;

    @Test
    void given_a_callback_url_when_an_order_is_posted_then_the_order_and_its_events_show_it() {
        Api.Reply created = api.postJson("/orders", """
                {"amount": 29900, "currency": "NOK", "receipt": "receipt#1", "callback_url": "%s"}"""
                .formatted(CALLBACK));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("callback_url", CALLBACK);
        String id = (String) created.json().get("id");
        assertThat(api.get("/orders/" + id).json()).containsEntry("callback_url", CALLBACK);
        assertThat(orders.findById(OrderId.parse(id)).orElseThrow().callbackUrl())
                .contains(CallbackUrl.parse(CALLBACK));
        Map<String, Object> event = api.get("/orders/" + id + "/events").list("events").get(0);
        assertThat(((Map<?, ?>) event.get("data")).get("callback_url")).isEqualTo(CALLBACK);
    }

    @Test
    void given_an_order_without_a_callback_url_then_it_shows_none() {
        Api.Reply created = api.createOrder(100, "NOK", "plain");

        assertThat(created.json()).doesNotContainKey("callback_url");
    }

    @Test
    void given_an_order_with_a_callback_url_then_its_event_shows_a_delivery_there_beside_the_endpoints() {
        endpoints.findAll().forEach(endpoint -> endpoints.delete(endpoint.id()));
        WebhookEndpoint endpoint = TestWebhookEndpoints.anEndpoint().build();
        endpoints.addWithinLimit(endpoint, 16);
        String id = (String) api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "r", "callback_url": "%s"}""".formatted(CALLBACK))
                .json().get("id");
        String eventId = (String) api.get("/orders/" + id + "/events").list("events").get(0).get("id");

        List<Map<String, Object>> shown = api.get("/events/" + eventId).list("deliveries");
        Api.Reply redelivered = api.postJson("/events/" + eventId + "/redeliver", "{}");

        assertThat(shown).hasSize(2);
        assertThat(shown).filteredOn(delivery -> delivery.containsKey("callback_url")).singleElement()
                .satisfies(delivery -> assertThat(delivery).containsEntry("callback_url", CALLBACK)
                        .doesNotContainKey("endpoint_id").containsEntry("state", "pending"));
        assertThat(shown).filteredOn(delivery -> delivery.containsKey("endpoint_id")).singleElement()
                .satisfies(delivery -> assertThat(delivery).containsEntry("endpoint_id", endpoint.id().toString())
                        .doesNotContainKey("callback_url"));
        assertThat(redelivered.status()).isEqualTo(202);
        assertThat(redelivered.list("deliveries")).extracting(delivery -> delivery.get("callback_url"))
                .containsExactly(null, CALLBACK);
        assertThat(deliveries.claimDue(LATER, LATER.plusSeconds(60), 100, 100))
                .filteredOn(due -> due.event().id().toString().equals(eventId))
                .extracting(DueDelivery::callbackUrl).contains(Optional.of(CallbackUrl.parse(CALLBACK)));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            http://shop.example.test/callback       | must be an https URL
            /callback                               | must be an absolute URL with a host
            https://user:pw@shop.example.test/cb    | must not carry a user name or password
            """)
    void given_a_callback_url_webhooks_may_not_go_to_when_posted_then_400_names_it_and_nothing_is_stored(
            String url, String reason) {
        int ordersBefore = allOrders().size();
        int checkoutsBefore = gateway.checkoutRequests().size();

        Api.Reply reply = api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "r", "callback_url": "%s"}""".formatted(url));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.list("errors")).containsExactly(Map.of("field", "callback_url", "message", reason));
        assertThat(allOrders()).hasSize(ordersBefore);
        assertThat(gateway.checkoutRequests()).hasSize(checkoutsBefore);
    }

    @Test
    void given_a_callback_url_that_is_no_string_when_posted_then_400_names_it() {
        Api.Reply reply = api.postJson("/orders", """
                {"amount": 100, "currency": "NOK", "receipt": "r", "callback_url": 42}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("callback_url");
    }

    @Test
    void given_an_idempotency_key_when_repeated_with_another_callback_url_then_422_and_with_the_same_the_order() {
        String body = """
                {"amount": 100, "currency": "NOK", "receipt": "r", "callback_url": "%s"}""";
        Api.Reply first = api.send(HttpRequest.POST("/orders", body.formatted(CALLBACK))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "callback-key-1"));
        Api.Reply same = api.send(HttpRequest.POST("/orders", body.formatted(CALLBACK))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "callback-key-1"));
        Api.Reply other = api.send(HttpRequest.POST("/orders",
                        body.formatted("https://shop.example.test/elsewhere"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotency-Key", "callback-key-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(same.json()).containsEntry("id", first.json().get("id"));
        assertThat(same.header("Idempotent-Replayed")).contains("true");
        assertThat(other.status()).isEqualTo(422);
    }

    private List<Order> allOrders() {
        return orders.findNewestFirst(OrderFilter.NONE, Optional.empty(), 1_000);
    }
}
