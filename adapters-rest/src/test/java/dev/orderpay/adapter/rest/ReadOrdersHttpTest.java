package dev.orderpay.adapter.rest;

import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.TestOrders;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.orderpay.application.port.out.OrderRepositoryContract.NOT_HELD;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ReadOrdersHttpTest {

    @Inject
    Api api;
    @Inject
    RacingOrderRepository orders;

    @Test
    void given_an_order_when_fetched_by_id_then_it_is_returned_as_created() {
        Map<String, Object> created = api.createOrder(12345, "SEK", "receipt for get").json();

        Api.Reply reply = api.get("/orders/" + created.get("id"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(created);
    }

    @Test
    void given_no_order_passes_the_filter_when_listing_then_orders_and_links_are_empty_lists() {
        Api.Reply reply = api.get("/orders?receipt=no-order-has-this-receipt");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Map.of("orders", List.of(), "links", List.of()));
    }

    @Test
    void given_an_order_without_a_checkout_when_fetched_then_links_is_an_empty_list_and_optional_members_are_absent() {
        Order failed = TestOrders.anOrder().withStatus(OrderStatus.FAILED).build();
        orders.add(failed, NOT_HELD);

        Map<String, Object> order = api.get("/orders/" + failed.id()).json();

        assertThat(order).containsEntry("links", List.of()).doesNotContainKeys("pending_operation", "history");
    }

    @Test
    void given_no_such_order_when_fetched_then_404_order_not_found() {
        String unknown = UUID.randomUUID().toString();

        Api.Reply reply = api.get("/orders/" + unknown);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "order_not_found").containsEntry("order_id", unknown)
                .containsEntry("instance", "/orders/" + unknown);
    }

    @Test
    void given_an_id_that_is_not_a_uuid_when_fetched_then_404() {
        Api.Reply reply = api.get("/orders/not-a-uuid");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "not_found");
    }

    @Test
    void given_more_orders_than_a_page_when_following_next_links_then_every_order_comes_once_newest_first() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add((String) api.createOrder(100 + i, "NOK", "paging " + i).json().get("id"));
        }

        List<String> listed = new ArrayList<>();
        String next = "/orders?limit=3";
        int pages = 0;
        while (next != null) {
            Api.Reply page = api.get(next);
            assertThat(page.status()).isEqualTo(200);
            List<Map<String, Object>> orders = page.list("orders");
            assertThat(orders).hasSizeLessThanOrEqualTo(3);
            orders.forEach(order -> listed.add((String) order.get("id")));
            next = page.list("links").stream().filter(link -> link.get("rel").equals("next"))
                    .map(link -> (String) link.get("href")).findFirst().orElse(null);
            pages++;
        }

        assertThat(listed).doesNotHaveDuplicates();
        // other tests in this class create orders too, but never while this one runs
        List<String> newestFirst = new ArrayList<>(created);
        Collections.reverse(newestFirst);
        assertThat(listed.subList(0, created.size())).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo((listed.size() + 2) / 3);
    }

    @Test
    void given_a_next_link_when_read_then_it_keeps_the_limit_and_carries_an_opaque_cursor() {
        api.createOrder(100, "NOK", "a");
        api.createOrder(100, "NOK", "b");

        Map<String, Object> link = api.get("/orders?limit=1").list("links").get(0);

        assertThat(link.get("rel")).isEqualTo("next");
        assertThat((String) link.get("href")).matches("/orders\\?limit=1&cursor=[A-Za-z0-9_-]+");
    }

    @Test
    void given_no_limit_when_listing_then_at_most_50_orders_come_back() {
        for (int i = 0; i < 51; i++) {
            api.createOrder(100, "NOK", "bulk " + i);
        }

        Api.Reply reply = api.get("/orders");

        assertThat(reply.list("orders")).hasSize(50);
        assertThat(reply.list("links")).extracting(link -> link.get("href"))
                .singleElement().asString().startsWith("/orders?limit=50&cursor=");
    }

    @Test
    void given_the_last_page_when_listing_then_there_is_no_next_link() {
        Api.Reply reply = api.get("/orders?limit=200");

        assertThat(reply.list("links")).isEmpty();
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "-1", "201", "abc", "1.5"})
    void given_a_bad_limit_when_listing_then_400_names_the_limit(String limit) {
        Api.Reply reply = api.get("/orders?limit=" + limit);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_JSON_PROBLEM);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly("limit");
    }

    @ParameterizedTest(name = "cursor={0}")
    @ValueSource(strings = {"garbage!", "bm90LWEtY3Vyc29y", "MTIzOm5vdC1hLXV1aWQ", "OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA"})
    void given_a_tampered_cursor_when_listing_then_400_names_the_cursor(String cursor) {
        Api.Reply reply = api.get("/orders?cursor=" + cursor);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("code", "validation_failed");
        assertThat(reply.errorFields()).containsExactly("cursor");
    }

    @Test
    void given_an_issued_cursor_when_its_characters_are_altered_then_it_is_refused_rather_than_guessed_at() {
        api.createOrder(100, "NOK", "a");
        api.createOrder(100, "NOK", "b");
        String href = (String) api.get("/orders?limit=1").list("links").get(0).get("href");
        String cursor = href.substring(href.indexOf("cursor=") + "cursor=".length());
        String plain = new String(Base64.getUrlDecoder().decode(cursor));
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString((plain + "x").getBytes());

        Api.Reply reply = api.get("/orders?limit=1&cursor=" + tampered);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorFields()).containsExactly("cursor");
    }
}
