package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The events API: what the merchant was told, exactly as it was rendered when the change happened. */
@MicronautTest
class EventsHttpTest {

    @Inject
    Api api;
    @Inject
    OrdersOverHttp ordersOverHttp;

    @Test
    void given_an_order_paid_and_captured_when_its_events_are_read_then_each_carries_the_order_as_it_was_then() {
        Order order = ordersOverHttp.authorized();
        api.send(HttpRequest.POST(OrdersOverHttp.path(order, "capture"), Map.of("amount", 10000)));

        List<Map<String, Object>> events = api.get("/orders/" + order.id() + "/events").list("events");

        assertThat(events).extracting(event -> event.get("type"), event -> event.get("sequence"))
                .containsExactly(tuple("order.created", 1), tuple("order.authorized", 2),
                        tuple("order.partially_captured", 3));
        assertThat(events).allSatisfy(event -> assertThat(event)
                .containsEntry("order_id", order.id().toString())
                .containsEntry("api_version", "1.0")
                .containsEntry("data_complete", true)
                .containsKeys("id", "created_at"));
        assertThat(data(events.get(0))).containsEntry("status", "PENDING").containsEntry("captured_amount", 0);
        assertThat((List<?>) data(events.get(0)).get("links")).isNotEmpty();
        assertThat(data(events.get(1))).containsEntry("status", "AUTHORIZED").containsEntry("captured_amount", 0);
        assertThat(data(events.get(2))).containsEntry("status", "PARTIALLY_CAPTURED")
                .containsEntry("captured_amount", 10000);
    }

    @Test
    void given_an_event_when_read_by_id_then_it_is_the_one_listed() {
        Order order = ordersOverHttp.authorized();
        Map<String, Object> listed = api.get("/orders/" + order.id() + "/events").list("events").get(1);

        Api.Reply reply = api.get("/events/" + listed.get("id"));

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> read = new java.util.HashMap<>(reply.json());
        assertThat(read.remove("deliveries")).isInstanceOf(List.class);
        assertThat(read).isEqualTo(listed);
    }

    @Test
    void given_events_of_several_orders_when_listed_by_type_and_order_then_only_those_show_newest_first() {
        Order first = ordersOverHttp.authorized();
        Order second = ordersOverHttp.authorized();

        List<Map<String, Object>> authorized = api.get("/events?type=order.authorized&limit=200").list("events");
        List<Map<String, Object>> ofFirst = api.get("/events?order_id=" + first.id()).list("events");

        assertThat(authorized).extracting(event -> event.get("type")).containsOnly("order.authorized");
        assertThat(authorized).extracting(event -> event.get("order_id"))
                .containsSubsequence(second.id().toString(), first.id().toString());
        assertThat(ofFirst).extracting(event -> event.get("type"))
                .containsExactly("order.authorized", "order.created");
    }

    @Test
    void given_more_events_than_a_page_when_the_next_links_are_followed_then_every_event_shows_once() {
        Order order = ordersOverHttp.authorized();
        String page = "/events?order_id=" + order.id() + "&limit=1";
        List<Object> seen = new java.util.ArrayList<>();
        for (int pages = 0; page != null && pages < 5; pages++) {
            Api.Reply reply = api.get(page);
            seen.addAll(reply.list("events").stream().map(event -> event.get("sequence")).toList());
            List<Map<String, Object>> links = reply.list("links");
            page = links.isEmpty() ? null : (String) links.get(0).get("href");
        }

        assertThat(seen).containsExactly(2, 1);
    }

    @Test
    void given_bad_filters_when_listed_then_400_names_each_of_them() {
        Api.Reply reply = api.get("/events?type=order.paid&order_id=42&created_from=yesterday&limit=0&cursor=x");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.errorFields())
                .containsExactlyInAnyOrder("type", "order_id", "created_from", "limit", "cursor");
    }

    @Test
    void given_no_such_event_or_order_when_read_then_404() {
        assertThat(api.get("/events/" + UUID.randomUUID()).json()).containsEntry("code", "event_not_found");
        assertThat(api.get("/events/not-an-id").status()).isEqualTo(404);
        assertThat(api.get("/orders/" + UUID.randomUUID() + "/events").json())
                .containsEntry("code", "order_not_found");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }
}
